using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.Arrival;

/// <summary>
/// A cloned chip at the real kiosk against the real service: the copied files pass passive authentication (they are
/// genuinely signed), the signed EF.SOD lists DG15, and the chip cannot answer the session's Active Authentication
/// challenge (ICAO Doc 9303-11 §6.1). The service refers the passenger; the kiosk's own reading is not what decides.
/// </summary>
public sealed class ClonedChipTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Theory]
    [InlineData(ChipFaultMode.ClonedWithoutActiveAuthentication, "CHIP_AA_MISSING", "NRT-CLONE-1", "TC0000001")]
    [InlineData(ChipFaultMode.ClonedHidingActiveAuthentication, "CHIP_AA_MISSING", "NRT-CLONE-2", "TC0000002")]
    [InlineData(ChipFaultMode.ClonedChip, "CHIP_AA_FAILED", "NRT-CLONE-3", "TC0000003")]
    public async Task A_cloned_chip_is_sent_to_the_counter_with_its_active_authentication_reason(ChipFaultMode fault, string code, string kioskId, string documentNumber)
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, kioskId);
        await using var browser = await KioskBrowser.LaunchAsync(null);
        var page = await browser.OpenAsync(kiosk);

        await page.ClickAsync("start");
        await page.WaitForScreenAsync("placePassport");
        kiosk.PlacePassport(Traveller.Adult(documentNumber), null, fault: fault);

        Assert.Equal("red", await page.LaneAsync());
        // The suspicion is the officer's (decision 0007): the traveller reads only "please see an officer".
        Assert.Equal(["seeOfficer"], await page.ReasonCodesAsync());
        Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM referrals WHERE kiosk_id = '{kioskId}' AND reasons @> '[{{\"code\":\"{code}\"}}]'"));
        Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM arrival_sessions WHERE kiosk_id = '{kioskId}' AND state = 'DocumentVerified'"));
    }

    [Fact]
    public async Task A_genuine_chip_with_active_authentication_passes_the_document_step()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-AA-OK");
        await using var browser = await KioskBrowser.LaunchAsync(null);
        var page = await browser.OpenAsync(kiosk);

        await page.ClickAsync("start");
        await page.WaitForScreenAsync("placePassport");
        kiosk.PlacePassport(Traveller.Adult("TC0000009"), null);

        // The browser has no camera, so the face screen that follows soon reports a device fault: read what the
        // service recorded for the document step instead of racing that screen.
        string? verdict = null;
        for (var waited = TimeSpan.Zero; verdict is null && waited < TimeSpan.FromSeconds(120); waited += TimeSpan.FromMilliseconds(250))
        {
            verdict = await db.ScalarAsync<string>("SELECT facts->'document'->>'activeAuthentication' FROM arrival_sessions WHERE kiosk_id = 'NRT-AA-OK' AND state <> 'Opened'");
            if (verdict is null)
            {
                await Task.Delay(250);
            }
        }

        Assert.Equal("Valid", verdict);
    }
}
