using System.Buffers.Binary;
using System.Text.Json;
using HdrHistogram;
using PassengerGate.Cli.Load;
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

    // Only sessions wholly inside the steady phase count: 8 s leaves room for a whole session (about 0.1 s on an idle
    // machine) while the other test assemblies keep both cores busy.
    private static string[] Args(RunningServer server, string mix, string protocol = "json", params string[] more) =>
    [
        "load", "--url", server.BaseAddress.ToString(), "--kiosks", "2", "--duration", "8s", "--warmup", "2s",
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

    [Fact]
    public async Task A_plot_of_the_latency_percentiles_is_written_as_a_png()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        var file = Path.Combine(Path.GetTempPath(), $"pgate-load-{Guid.NewGuid():N}.png");
        try
        {
            var result = await Run(Args(server, "ordinary", "json", "--plot", file));

            Assert.True(result.ExitCode == 0, result.Error + result.Out);
            Assert.True(JsonDocument.Parse(result.Out).RootElement.GetProperty("sessions").GetInt64() > 0, result.Out);
            var png = await File.ReadAllBytesAsync(file);
            // The PNG signature, then IHDR's width and height, big-endian (ISO/IEC 15948:2004 §5.2 and §11.2.2).
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
            Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
            Assert.Equal((1200, 700), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4))));
            // Lines were drawn: a blank chart has a handful of colours (background, grid, text), lines add their own.
            using var bitmap = SkiaSharp.SKBitmap.Decode(png);
            var colours = new HashSet<uint>();
            for (var y = 0; y < bitmap.Height; y += 2)
            {
                for (var x = 0; x < bitmap.Width; x += 2)
                {
                    colours.Add((uint)bitmap.GetPixel(x, y));
                }
            }

            Assert.True(colours.Count > 20, $"{colours.Count} colours");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_plotted_spectrum_reads_each_percentile_off_the_histogram()
    {
        // 1 to 1,000 ms, one sample each: the p-th percentile by nearest rank is p × 10 ms (90 % → 900 ms, 99 % → 990 ms).
        var histogram = new LongHistogram(1, 600_000_000, 3);
        for (var ms = 1; ms <= 1000; ms++)
        {
            histogram.RecordValue(ms * 1000L);
        }

        var (xs, ys) = LoadPlot.Spectrum(histogram);

        Assert.Equal(0, xs[0]);
        Assert.InRange(xs[^1], 2.98, 3.0); // 1,000 samples tell percentiles apart up to 99.9 %, x = log10(1 / (1 - 0.999)) = 3
        Assert.InRange(ys[0], 1, 1.01);
        Assert.InRange(ys[Array.FindIndex(xs, x => Math.Abs(x - 1) < 1e-9)], 899, 901);
        Assert.InRange(ys[Array.FindIndex(xs, x => Math.Abs(x - 2) < 1e-9)], 989, 991);
    }

    [Theory]
    [InlineData("--plot", "/no-such-folder/run.png", "--plot must be a .png file in an existing folder")]
    [InlineData("--plot", "run.svg", "--plot must be a .png file in an existing folder")]
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
