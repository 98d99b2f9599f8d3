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
        await using var server = await RunningServer.StartAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-RUN", new Dictionary<string, string?>
        {
            ["Kiosk:PassengerInterval"] = "00:00:00.200",
            ["Kiosk:CorruptedShare"] = "0",
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
}
