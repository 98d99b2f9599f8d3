using PassengerGate.KioskShell.Devices;
using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.I18n;

/// <summary>
/// A kiosk greets every passenger in its default language (Kiosk:DefaultLanguage, "en" in these tests): the language the
/// last passenger chose goes with them, and with whoever stood there when a fault took the kiosk out of service.
/// </summary>
public sealed class DefaultLanguageTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task The_kiosk_returns_to_its_default_language_after_a_passenger_and_after_a_fault_clears()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-DEFLANG");
        await using var browser = await KioskBrowser.LaunchAsync(null);
        var page = await browser.OpenAsync(kiosk);
        Assert.Equal("en", await page.Page.GetAttributeAsync("html", "lang"));

        // A passenger chooses Korean, starts and walks away with the cancel button.
        await page.ChooseLanguageAsync("ko");
        await page.Page.WaitForSelectorAsync("html[lang='ko']");
        await page.ClickAsync("start");
        await page.WaitForScreenAsync("placePassport");
        Assert.Equal("ko", await page.Page.GetAttributeAsync("html", "lang"));
        await page.ClickAsync("cancel");
        await page.WaitForScreenAsync("welcome");
        await page.Page.WaitForSelectorAsync("html[lang='en']");
        Assert.Equal("true", await page.Page.GetAttributeAsync("button[data-language='en']", "aria-pressed"));

        // Someone chooses Chinese on the welcome screen; a device fails before they start.
        await page.ChooseLanguageAsync("zh-Hans");
        await page.Page.WaitForSelectorAsync("html[lang='zh-Hans']");
        kiosk.Health.Report("camera", "no video device");
        await page.WaitForScreenAsync("outOfService");
        await page.Page.WaitForSelectorAsync("html[lang='en']");

        // While it is out of service someone else picks Korean; when the fault clears, the kiosk greets in English again.
        await page.ChooseLanguageAsync("ko");
        await page.Page.WaitForSelectorAsync("html[lang='ko']");
        kiosk.Health.Report("camera", DeviceHealth.Ok);
        await page.WaitForScreenAsync("welcome");
        await page.Page.WaitForSelectorAsync("html[lang='en']");
        Assert.Equal("true", await page.Page.GetAttributeAsync("button[data-language='en']", "aria-pressed"));
    }
}
