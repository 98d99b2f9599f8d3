using PassengerGate.Contracts.Kiosk;
using PassengerGate.Domain.Time;
using PassengerGate.Hardware.Simulators.Passengers;
using PassengerGate.KioskShell;
using PassengerGate.KioskShell.Sessions;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Kiosks;

/// <summary>
/// The service restarts while a real kiosk shell runs simulated passengers (run mode: simulated IC passport
/// read over its chip, simulated face result, declaration): the kiosk reconnects by itself, every passenger's
/// session is recorded exactly once, passengers caught by the outage go to the counter and their sessions are
/// closed as abandoned once the link returns, and none is left undecided.
/// </summary>
public class ServiceRestartTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Kiosks_reconnect_after_a_service_restart_and_no_session_is_lost_or_recorded_twice()
    {
        var trust = Directory.CreateTempSubdirectory("pgate-trust-").FullName;
        var server = await RunningServer.StartAsync(db.ConnectionString, configure: c =>
        {
            c["Documents:TrustListPath"] = trust;
            // The synthetic travellers include ICAO's specimen state Utopia, which a real service refuses (decision 0017).
            c["Declarations:SpecimenStates"] = "UTO";
        });
        await RiskSetup.InstallAsync(server.Services, randomRate: 0.0);
        var token = await server.RegisterKioskAsync("NRT-RESTART");
        await using var kiosk = KioskHost.Build(
            ["--urls=http://127.0.0.1:0"],
            TimeProvider.System,
            b =>
            {
                b.Configuration["Kiosk:Id"] = "NRT-RESTART";
                b.Configuration["Kiosk:Simulated"] = "true"; // the run-mode worker feeds simulated passports
                b.Configuration["Kiosk:Credential"] = token;
                b.Configuration["Kiosk:ServiceUrl"] = server.BaseAddress.ToString();
                b.Configuration["Kiosk:PassengerInterval"] = "00:00:00"; // this test feeds the passengers itself
                b.Configuration["Kiosk:ServiceDeadline"] = "00:00:03";
                b.Configuration["Kiosk:SimulatedCscaFile"] = Path.Combine(trust, "NRT-RESTART-csca.cer");
                b.Logging.SetMinimumLevel(LogLevel.Warning);
            });
        await kiosk.StartAsync();
        var worker = kiosk.Services.GetRequiredService<ArrivalKioskWorker>();
        var reconciler = kiosk.Services.GetRequiredService<SessionReconciler>();
        // The travellers arrive today at the airport: the service refuses a kiosk declaration dated another day (decision 0017).
        var passengers = new SyntheticPassengers(seed: 7, corruptedShare: 0.4, today: new AirportClock(TimeProvider.System, AirportClock.DefaultTimeZone).Today);
        var served = new List<SyntheticPassenger>();
        var caughtByOutage = new List<SyntheticPassenger>();

        for (var i = 0; i < 6; i++)
        {
            served.Add(passengers.Next());
            await worker.ProcessAsync(served[^1], default);
        }

        // Stop the service: passengers meanwhile are sent to the counter, their sessions kept for reconciliation.
        await server.StopAsync();
        for (var i = 0; i < 2; i++)
        {
            caughtByOutage.Add(passengers.Next());
            var update = await worker.ProcessAsync(caughtByOutage[^1], default);
            Assert.Equal(SessionLane.Red, update.Lane);
            Assert.Equal(TravellerReason.ServiceUnavailable, Assert.Single(update.Reasons));
        }

        await server.StartAsync();
        for (var i = 0; i < 6; i++)
        {
            served.Add(passengers.Next());
            await worker.ProcessAsync(served[^1], default);
        }

        await WaitUntil(() => reconciler.Pending == 0, TimeSpan.FromSeconds(60));
        await kiosk.StopAsync();
        await server.DisposeAsync();
        Directory.Delete(trust, recursive: true);

        var clean = served.Count(p => !p.MrzCorrupted);
        var corrupted = served.Count(p => p.MrzCorrupted);
        Assert.True(clean > 0 && corrupted > 0, "the seed must give both kinds of passport");
        Assert.Equal(served.Count + caughtByOutage.Count, await db.ScalarAsync<long>("SELECT count(*) FROM arrival_sessions WHERE kiosk_id = 'NRT-RESTART'"));
        var undecided = await db.ScalarAsync<string>("SELECT string_agg(document_number || ' ' || state, ', ') FROM arrival_sessions WHERE state NOT IN ('Released', 'Referred', 'Abandoned')");
        Assert.True(undecided is null, $"sessions left undecided: {undecided}");

        // A clean passport goes document → face → declaration → green (DOMAIN.md: nothing to declare, chip and face verified);
        // a damaged check digit is referred at the document step (Doc 9303-3 §4.9 check digits).
        Assert.Equal(clean, await db.ScalarAsync<long>("SELECT count(*) FROM arrival_sessions WHERE lane = 'green'"));
        Assert.Equal(corrupted, await db.ScalarAsync<long>("SELECT count(*) FROM referrals WHERE reasons @> '[{\"code\":\"MRZ_CHECK_DIGIT\"}]'"));
        Assert.Equal(caughtByOutage.Count, await db.ScalarAsync<long>("SELECT count(*) FROM arrival_sessions WHERE state = 'Abandoned' AND lane IS NULL"));

        // Nothing twice: one command per step taken, however often the kiosk re-sent it.
        Assert.Equal((clean * 3) + corrupted + caughtByOutage.Count, await db.ScalarAsync<long>("SELECT count(*) FROM processed_commands"));
        foreach (var p in served)
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
