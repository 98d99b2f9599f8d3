using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.Accessibility;

/// <summary>
/// axe-core (npm) run in Chromium on every kiosk screen a passenger can meet, in the default and the
/// large-text + high-contrast modes: no violation of impact "serious" or "critical" (WCAG 2.1 A/AA rules).
/// </summary>
public sealed class AxeTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [FacesFact]
    public async Task Every_kiosk_screen_has_no_serious_or_critical_accessibility_violation()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-AXE", new Dictionary<string, string?> { ["Kiosk:ServiceDeadline"] = "00:00:15" });
        await using var browser = await KioskBrowser.LaunchAsync("obama_2.jpg");
        var page = await browser.OpenAsync(kiosk);
        var found = new List<string>();
        async Task Check(string screen) => found.AddRange((await page.SeriousAccessibilityViolationsAsync()).Select(v => $"[{screen}] {v}"));

        await Check("welcome");
        await page.Page.ClickAsync("button[data-mode='largeText']");
        await page.Page.ClickAsync("button[data-mode='highContrast']");
        await page.Page.WaitForSelectorAsync("body.high-contrast.large-text");
        await Check("welcome, large text + high contrast");
        await page.Page.ClickAsync("button[data-mode='highContrast']");
        await page.Page.ClickAsync("button[data-mode='largeText']");

        await page.ClickAsync("start");
        await page.WaitForScreenAsync("placePassport");
        await Check("placePassport");
        kiosk.PlacePassport(Traveller.Adult("TA0000008"), "obama_1.jpg");
        await page.WaitForScreenAsync("face");
        await Check("face");
        await page.WaitForScreenAsync("declaration", KioskPage.FaceTimeoutMs);
        await Check("declaration");
        await page.FillDeclarationAsync();
        Assert.Equal("green", await page.LaneAsync());
        await Check("result green");
        await page.ClickAsync("done");

        // With the service gone the passport screen waits on the service: the chip/progress screen stays up.
        await page.WaitForScreenAsync("welcome");
        await page.ClickAsync("start");
        await page.WaitForScreenAsync("placePassport");
        await server.StopAsync();
        kiosk.PlacePassport(Traveller.Adult("TA0000009"), "obama_1.jpg");
        await page.WaitForScreenAsync("readingChip");
        await Check("readingChip");
        Assert.Equal("red", await page.LaneAsync());
        await Check("result red");
        await page.ClickAsync("done");
        await page.WaitForScreenAsync("outOfService");
        await Check("outOfService");

        Assert.Empty(found);
    }
}
