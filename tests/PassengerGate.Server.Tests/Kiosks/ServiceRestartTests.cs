using Microsoft.Extensions.Options;
using PassengerGate.Hardware.Simulators.Passengers;
using PassengerGate.KioskShell;
using PassengerGate.KioskShell.Sessions;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Kiosks;

/// <summary>
/// The service restarts while a real kiosk shell is connected: the kiosk reconnects by itself,
/// every passenger's session is recorded exactly once, and none is left undecided.
/// </summary>
public class ServiceRestartTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Kiosks_reconnect_after_a_service_restart_and_no_session_is_lost_or_recorded_twice()
    {
        var server = await RunningServer.StartAsync(db.ConnectionString);
        var token = await server.RegisterKioskAsync("NRT-RESTART");
        await using var kiosk = KioskHost.Build(
            ["--urls=http://127.0.0.1:0"],
            TimeProvider.System,
            b =>
            {
                b.Configuration["Kiosk:Id"] = "NRT-RESTART";
                b.Configuration["Kiosk:Credential"] = token;
                b.Configuration["Kiosk:ServiceUrl"] = server.BaseAddress.ToString();
                b.Configuration["Kiosk:PassengerInterval"] = "00:00:00"; // this test feeds the passengers itself
                b.Configuration["Kiosk:ServiceDeadline"] = "00:00:01";
                b.Logging.SetMinimumLevel(LogLevel.Warning);
            });
        await kiosk.StartAsync();
        var worker = kiosk.Services.GetRequiredService<ArrivalKioskWorker>();
        var screen = kiosk.Services.GetRequiredService<KioskScreenState>();
        var passengers = new SyntheticPassengers(seed: 7, corruptedShare: 0.4, today: new DateOnly(2026, 11, 25));
        var expected = new List<SyntheticPassenger>();

        for (var i = 0; i < 6; i++)
        {
            expected.Add(passengers.Next());
            await worker.ProcessAsync(expected[^1], default);
        }

        // Stop the service: passengers meanwhile are sent to the counter, their calls kept for later.
        await server.StopAsync();
        for (var i = 0; i < 2; i++)
        {
            expected.Add(passengers.Next());
            var update = await worker.ProcessAsync(expected[^1], default);
            Assert.Equal("red", update.Lane);
            Assert.Equal("SERVICE_UNAVAILABLE", Assert.Single(update.Reasons).Code);
        }

        await server.StartAsync();
        for (var i = 0; i < 6; i++)
        {
            expected.Add(passengers.Next());
            await worker.ProcessAsync(expected[^1], default);
        }

        await WaitUntil(() => screen.Current.AwaitingReconciliation == 0, TimeSpan.FromSeconds(30));
        await kiosk.StopAsync();
        await server.DisposeAsync();

        Assert.Equal(expected.Count, await db.ScalarAsync<long>("SELECT count(*) FROM arrival_sessions WHERE kiosk_id = 'NRT-RESTART'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM arrival_sessions WHERE lane IS NULL"));
        Assert.Equal(expected.Count, await db.ScalarAsync<long>("SELECT count(*) FROM processed_commands"));
        // Each passenger is decided on their own passport: a damaged check digit is an MRZ referral; these
        // synthetic passports have no chip, so the others are referred as not e-gate eligible.
        Assert.Equal(expected.Count(p => p.MrzCorrupted), await db.ScalarAsync<long>("SELECT count(*) FROM referrals WHERE reasons @> '[{\"code\":\"MRZ_CHECK_DIGIT\"}]'"));
        Assert.Equal(expected.Count(p => !p.MrzCorrupted), await db.ScalarAsync<long>("SELECT count(*) FROM referrals WHERE reasons @> '[{\"code\":\"DOCUMENT_NOT_CHIP\"}]'"));
        foreach (var p in expected)
        {
            Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM arrival_sessions WHERE document_number = '{p.DocumentNumber}'"));
        }
    }

    private static async Task WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < timeout, "timed out waiting for the kiosk to reconcile");
            await Task.Delay(100);
        }
    }
}
