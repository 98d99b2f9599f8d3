using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.Arrival;

/// <summary>
/// Family mode: members one after another under one group; a child's declaration is made by the guardian;
/// a child without an IC passport goes to the counter while the rest of the family is still processed.
/// obama_2 (camera) and obama_1 / obama_3 (chip portraits) are genuine pairs in shared/faces/pairs.csv.
/// </summary>
public sealed class FamilyTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [FacesFact]
    public async Task Family_of_three_with_a_child_without_an_IC_passport_sends_only_that_child_to_the_counter()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-FAMILY");
        await using var browser = await KioskBrowser.LaunchAsync("obama_2.jpg");
        var page = await browser.OpenAsync(kiosk);

        await page.ClickAsync("start-family");

        // 1: the guardian, an adult with an IC passport, declares for themself.
        await page.WaitForScreenAsync("placePassport");
        kiosk.PlacePassport(Traveller.Adult("TF0000005"), "obama_1.jpg");
        await page.WaitForScreenAsync("declaration", KioskPage.FaceTimeoutMs);
        Assert.Equal(0, await page.Page.Locator("[data-guardian]").CountAsync());
        await page.FillDeclarationAsync();
        Assert.Equal("green", await page.LaneAsync());
        await page.ClickAsync("next-member");

        // 2: a ten-year-old with an IC passport; the guardian makes the declaration.
        await page.WaitForScreenAsync("placePassport");
        Assert.Contains("2", await page.Page.InnerTextAsync(".member"), StringComparison.Ordinal);
        kiosk.PlacePassport(Traveller.Child("TF0000006", "SASHA", 2016), "obama_3.jpg");
        await page.WaitForScreenAsync("declaration", KioskPage.FaceTimeoutMs);
        Assert.Contains("OBAMA BARACK", await page.Page.InnerTextAsync("[data-guardian]"), StringComparison.Ordinal);
        await page.FillDeclarationAsync();
        Assert.Equal("green", await page.LaneAsync());
        await page.ClickAsync("next-member");

        // 3: a child whose passport has no chip: not e-gate eligible (DOMAIN.md), so the counter.
        await page.WaitForScreenAsync("placePassport");
        kiosk.PlacePassport(Traveller.Child("TF0000007", "MALIA", 2020), faceFile: null, withChip: false);
        Assert.Equal("red", await page.LaneAsync());
        Assert.Contains("notChipPassport", await page.ReasonCodesAsync());

        var lanes = await page.Page.EvalOnSelectorAllAsync<string[]>(".members li", "items => items.map(i => i.dataset.lane)");
        Assert.Equal(["green", "green", "red"], lanes);
        await page.ClickAsync("finish");
        await page.WaitForScreenAsync("welcome");

        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM arrival_sessions WHERE kiosk_id = 'NRT-UI-FAMILY' AND lane = 'green'"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM referrals WHERE reasons @> '[{\"code\":\"DOCUMENT_NOT_CHIP\"}]'"));
        Assert.Equal(3, (await kiosk.WaitForSlipsAsync(3)).Cuts.Count);
    }
}
