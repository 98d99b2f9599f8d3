using PassengerGate.KioskShell.Sessions;
using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.RunMode;

/// <summary>
/// Run mode (deploy/run.sh): with no touch UI attached the kiosk keeps taking synthetic passengers end to end —
/// simulated IC passport read over its chip, simulated face result, declaration — and pauses while a page is open.
/// </summary>
public sealed class SimulatedPassengerLoopTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Without_a_touch_UI_synthetic_passengers_are_released_through_the_whole_session_and_a_page_pauses_them()
    {
        // The service as in production, challenge on (decision 0010): the simulated passenger answers the turn it is given.
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString, activeLiveness: true);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-RUN", new Dictionary<string, string?>
        {
            ["Kiosk:PassengerInterval"] = "00:00:00.200",
            ["Kiosk:CorruptedShare"] = "0",
            ["Kiosk:TravellerMix"] = "ordinary",
        });
        var screen = kiosk.Services.GetRequiredService<KioskScreenState>();

        for (var i = 0; i < 300 && screen.Current.Processed < 3; i++)
        {
            await Task.Delay(100);
        }

        Assert.True(screen.Current.Processed >= 3, $"processed {screen.Current.Processed}");
        // Released needs a verified chip, a matched face and a bound declaration (the service's session machine).
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM arrival_sessions WHERE kiosk_id = 'NRT-RUN' AND state = 'Released'") >= 3);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM arrival_sessions WHERE kiosk_id = 'NRT-RUN' AND state = 'Referred'"));

        await using var browser = await KioskBrowser.LaunchAsync(null);
        await browser.OpenAsync(kiosk);
        for (var i = 0; i < 300 && screen.Current.Step != "Touch UI attached"; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal("Touch UI attached", screen.Current.Step);
        var paused = screen.Current.Processed;
        await Task.Delay(1500);
        Assert.Equal(paused, screen.Current.Processed);
        Assert.Equal("Touch UI attached", screen.Current.Step);
    }

    [Fact]
    public async Task The_run_mode_mix_gives_officers_every_kind_of_case()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-MIX", new Dictionary<string, string?>
        {
            ["Kiosk:PassengerInterval"] = "00:00:00.050",
            ["Kiosk:CorruptedShare"] = "0",
            ["Kiosk:Seed"] = "4242",
        });
        var screen = kiosk.Services.GetRequiredService<KioskScreenState>();
        for (var i = 0; i < 600 && screen.Current.Processed < 40; i++)
        {
            await Task.Delay(100);
        }

        Assert.True(screen.Current.Processed >= 40, $"processed {screen.Current.Processed}");
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM arrival_sessions WHERE kiosk_id = 'NRT-MIX' AND facts->'declaration'->>'source' = 'pre-declaration'") > 0);
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM arrival_sessions WHERE kiosk_id = 'NRT-MIX' AND facts->'declaration'->>'source' = 'kiosk'") > 0);
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM arrival_sessions WHERE kiosk_id = 'NRT-MIX' AND lane = 'green'") > 0);
        foreach (var kind in new[] { "duty.due", "FACE_NOT_MATCHED", "declaration.commercialGoodsOrSamples" })
        {
            Assert.True(await db.ScalarAsync<long>($"SELECT count(*) FROM referrals WHERE kiosk_id = 'NRT-MIX' AND reasons @> '[{{\"code\":\"{kind}\"}}]'") > 0, $"no {kind} referral");
        }

        // A chip fault of the simulator ends in a referral naming it (PA_* or CHIP_*).
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM referrals r, jsonb_array_elements(r.reasons) x WHERE r.kiosk_id = 'NRT-MIX' AND (x->>'code' LIKE 'PA\\_%' OR x->>'code' LIKE 'CHIP\\_%')") > 0);
    }
}
