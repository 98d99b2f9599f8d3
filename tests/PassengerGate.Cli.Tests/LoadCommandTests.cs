using System.Text.Json;
using PassengerGate.Domain.Staff;

namespace PassengerGate.Cli.Tests;

/// <summary>
/// `pgate load` (issue 13) against a real service on loopback: the sessions it reports are sessions the service
/// decided and stored, each chip verified by the service (a chip it could not verify is never green; random
/// selection is off here), over JSON and over MessagePack, and officer consoles receive a push for each referral.
/// Rates and latencies are not asserted here: they are measured on a quiet machine (docs/performance.md).
/// </summary>
public class LoadCommandTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static Task<CliRunner.Result> Run(params string[] args) => CliRunner.RunAsync(TimeProvider.System, _ => null, args);

    private static string[] Args(RunningServer server, string mix, string protocol = "json", params string[] more) =>
    [
        "load", "--url", server.BaseAddress.ToString(), "--kiosks", "2", "--duration", "4s", "--warmup", "2s",
        "--trust-dir", server.TrustFolder!, "--db", server.ConnectionString, "--mix", mix, "--protocol", protocol, .. more,
    ];

    [Theory]
    [InlineData("json")]
    [InlineData("messagepack")]
    public async Task Ordinary_travellers_go_green_through_whole_sessions_the_service_stored(string protocol)
    {
        // The service as deployed: the active liveness challenge on (decision 0010), answered as the run mode answers it.
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString, activeLiveness: true);

        var result = await Run(Args(server, "ordinary", protocol));

        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        var report = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(protocol, report.GetProperty("protocol").GetString());
        Assert.Equal(0, report.GetProperty("errors").GetInt64());
        var sessions = report.GetProperty("sessions").GetInt64();
        Assert.True(sessions > 0, result.Out);
        Assert.Equal(sessions, report.GetProperty("lanes").GetProperty("green").GetInt64());
        foreach (var call in new[] { "OpenArrivalSession", "SubmitDocument", "SubmitFaceResult", "SubmitDeclaration" })
        {
            var summary = report.GetProperty("calls").GetProperty(call);
            Assert.True(summary.GetProperty("count").GetInt64() >= sessions, call);
            Assert.True(summary.GetProperty("p50").GetDouble() <= summary.GetProperty("p99").GetDouble(), call);
        }

        Assert.Equal(sessions, report.GetProperty("session").GetProperty("count").GetInt64());
        var stored = await db.ScalarAsync<long>("SELECT count(*) FROM arrival_sessions WHERE kiosk_id LIKE 'load-%' AND lane = 'green'");
        Assert.True(stored >= sessions, $"the service stored {stored} green sessions, the generator counted {sessions}");
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM arrival_sessions WHERE kiosk_id LIKE 'load-%' AND lane = 'red'"));
    }

    [Fact]
    public async Task Officer_consoles_receive_a_push_for_each_referral_and_its_latency_is_reported()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        var password = await server.EnsureStaffAsync("load-officer", StaffRole.Officer, "NRT");
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, password);

        var result = await Run(Args(server, "referred", "json", "--consoles", "2", "--officer", "load-officer", "--officer-password-file", file));
        File.Delete(file);

        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        var report = JsonDocument.Parse(result.Out).RootElement;
        var sessions = report.GetProperty("sessions").GetInt64();
        Assert.True(sessions > 0, result.Out);
        Assert.Equal(sessions, report.GetProperty("lanes").GetProperty("red").GetInt64());
        Assert.True(report.GetProperty("pushesReceived").GetInt64() > 0, result.Out);
        Assert.True(report.GetProperty("push").GetProperty("count").GetInt64() > 0, result.Out);
    }

    [Fact]
    public async Task Idle_kiosks_stay_connected_and_silent_through_the_run_beside_the_active_ones()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);

        var result = await Run(Args(server, "ordinary", "json", "--idle", "5"));

        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        var report = JsonDocument.Parse(result.Out).RootElement;
        var idle = report.GetProperty("idle");
        Assert.Equal(5, idle.GetProperty("requested").GetInt32());
        Assert.Equal(5, idle.GetProperty("connected").GetInt32());
        Assert.Equal(0, idle.GetProperty("failed").GetInt32());
        Assert.Equal(0, idle.GetProperty("dropped").GetInt32());
        Assert.True(report.GetProperty("sessions").GetInt64() > 0, result.Out);
        // The service authenticated each one as its own kiosk and recorded it online; none of them opened a session.
        Assert.Equal(5L, await db.ScalarAsync<long>("SELECT count(*) FROM kiosks WHERE kiosk_id LIKE 'idle-%' AND last_seen_at IS NOT NULL"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM arrival_sessions WHERE kiosk_id LIKE 'idle-%'"));
    }

    [Theory]
    [InlineData("--idle", "many", "--idle must be a number from 0 to 50000")]
    [InlineData("--kiosks", "0", "--kiosks must be a number from 1 to 20000")]
    [InlineData("--protocol", "xml", "--protocol must be json or messagepack")]
    [InlineData("--duration", "soon", "--duration must be a time")]
    [InlineData("--mix", "odd", "--mix must be all, ordinary or referred")]
    public async Task Bad_arguments_exit_2_with_the_reason(string option, string value, string message)
    {
        var args = new List<string> { "load", "--url", "https://127.0.0.1:1", "--kiosks", "1", "--trust-dir", Path.GetTempPath(), "--db", db.ConnectionString };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var result = await Run([.. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consoles_without_an_officer_account_are_refused_before_anything_runs()
    {
        var result = await Run("load", "--url", "https://127.0.0.1:1", "--kiosks", "1", "--consoles", "1", "--trust-dir", Path.GetTempPath(), "--db", db.ConnectionString);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--officer", result.Error, StringComparison.Ordinal);
    }
}
