using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.Arrival;

/// <summary>
/// A clone of a passport whose signed DG14 offers Chip Authentication (ICAO Doc 9303-11 §6.2), at the real kiosk against
/// the real service: the kiosk runs CA with the key agreement the service issued and the service checks the chip's
/// answers itself (decision 0014). The officer gets the CA code; the traveller's screen only "please see an officer".
/// </summary>
public sealed class ChipAuthenticationCloneTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Theory]
    [InlineData(ChipFaultMode.ClonedWithoutChipAuthenticationKey, "CHIP_CA_FAILED", "NRT-CA-CLONE-1", "TD0000001")]
    [InlineData(ChipFaultMode.ClonedRefusingChipAuthentication, "CHIP_CA_MISSING", "NRT-CA-CLONE-2", "TD0000002")]
    public async Task A_clone_without_the_chip_authentication_key_is_sent_to_the_counter_and_only_the_officer_sees_why(ChipFaultMode fault, string code, string kioskId, string documentNumber)
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, kioskId);
        await using var browser = await KioskBrowser.LaunchAsync(null);
        var page = await browser.OpenAsync(kiosk);

        await page.ClickAsync("start");
        await page.WaitForScreenAsync("placePassport");
        kiosk.PlacePassport(Traveller.Adult(documentNumber), null, fault: fault);

        Assert.Equal("red", await page.LaneAsync());
        Assert.Equal(["seeOfficer"], await page.ReasonCodesAsync());
        var screen = await page.Page.InnerTextAsync("main");
        Assert.DoesNotContain("CHIP_CA", screen, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("chip authentication", screen, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("clone", screen, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM referrals WHERE kiosk_id = '{kioskId}' AND reasons @> '[{{\"code\":\"{code}\"}}]'"));
        Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM arrival_sessions WHERE kiosk_id = '{kioskId}' AND state = 'DocumentVerified'"));
    }

    [Fact]
    public async Task A_genuine_chip_passes_chip_authentication_checked_by_the_service()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-CA-OK");
        await using var browser = await KioskBrowser.LaunchAsync(null);
        var page = await browser.OpenAsync(kiosk);

        await page.ClickAsync("start");
        await page.WaitForScreenAsync("placePassport");
        kiosk.PlacePassport(Traveller.Adult("TD0000009"), null);

        // No camera in this browser: read the service's verdict on the document step rather than race the face screen.
        string? verdict = null;
        for (var waited = TimeSpan.Zero; verdict is null && waited < TimeSpan.FromSeconds(120); waited += TimeSpan.FromMilliseconds(250))
        {
            verdict = await db.ScalarAsync<string>("SELECT facts->'document'->>'chipAuthentication' FROM arrival_sessions WHERE kiosk_id = 'NRT-CA-OK' AND state <> 'Opened'");
            if (verdict is null)
            {
                await Task.Delay(250);
            }
        }

        Assert.Equal("Valid", verdict);
    }
}
