using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.Arrival;

/// <summary>
/// Issue 10 point 1, the Canadian model (decision 0027), in Debian's Chromium on the real kiosk and service: a traveller
/// who pre-declared on the phone and does not scan the code finds their declaration on the kiosk, by the passport it read,
/// to review and certify.
/// </summary>
public sealed class FoundByPassportTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [FacesFact]
    public async Task A_pre_declared_traveller_who_does_not_scan_is_shown_their_declaration_by_passport_and_certifies_it()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-FIND");
        await using var browser = await KioskBrowser.LaunchAsync("obama_2.jpg");
        var page = await browser.OpenAsync(kiosk);
        await GoodsAtTheKioskTests.PreDeclareAsync(server, "TG0000035", bottles: 2);

        await page.ClickAsync("start");
        await page.WaitForScreenAsync("placePassport");
        kiosk.PlacePassport(Traveller.Adult("TG0000035"), "obama_1.jpg");
        await page.WaitForScreenAsync("declaration", KioskPage.FaceTimeoutMs);

        // No scan: the pre-declared answers are in the form to review, as a scanned code's would be.
        await page.Page.WaitForSelectorAsync("[data-review='true']");
        Assert.Equal("NH9", await page.Page.InputValueAsync("[data-field='flightOrVessel']"));
        Assert.Equal("2", await page.Page.Locator("[data-line='alcohol']").First.Locator("[data-stepper='bottles']").InputValueAsync());

        // Two bottles of wine are within the three-bottle allowance (DOMAIN.md §1): certified unchanged, green.
        await page.ClickAsync("submit-declaration");
        Assert.Equal("green", await page.LaneAsync());
        Assert.Equal(
            "pre-declaration-edited-at-kiosk|false",
            await db.ScalarAsync<string>("SELECT (facts->'declaration'->>'source') || '|' || (facts->'declaration'->'edit'->>'changed') FROM arrival_sessions WHERE kiosk_id = 'NRT-UI-FIND'"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM predeclarations WHERE used_at IS NOT NULL"));
    }
}
