using Microsoft.Playwright;
using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.Arrival;

/// <summary>The passenger switches the UI to Korean in the middle of the declaration; nothing typed is lost and the flow goes on.</summary>
public sealed class LanguageSwitchTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [FacesFact]
    public async Task Switching_to_Korean_mid_declaration_relabels_the_screen_keeps_the_answers_and_finishes_in_Korean()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-KO");
        await using var browser = await KioskBrowser.LaunchAsync("obama_2.jpg");
        var page = await browser.OpenAsync(kiosk);

        await page.ClickAsync("start");
        await page.WaitForScreenAsync("placePassport");
        kiosk.PlacePassport(Traveller.Adult("TK0000003"), "obama_1.jpg");
        await page.WaitForScreenAsync("declaration", KioskPage.FaceTimeoutMs);
        await page.Page.FillAsync("[data-field='flightOrVessel']", "KE705");
        Assert.Equal("en", await page.Page.GetAttributeAsync("html", "lang"));

        await page.ChooseLanguageAsync("ko");
        await page.Page.WaitForSelectorAsync("html[lang='ko']");

        // Hangul syllables are U+AC00–U+D7A3 (Unicode 15, "Hangul Syllables" block): the prompt and labels are now Korean.
        Assert.True(IsHangul(await page.Page.InnerTextAsync("main h1")), await page.Page.InnerTextAsync("main h1"));
        Assert.True(IsHangul(await page.Page.InnerTextAsync("label[for='decl-flightOrVessel']")));
        Assert.Equal("true", await page.Page.GetAttributeAsync("button[data-language='ko']", "aria-pressed"));
        Assert.Equal("KE705", await page.Page.InputValueAsync("[data-field='flightOrVessel']"));

        await page.FillDeclarationAsync();
        Assert.Equal("green", await page.LaneAsync());
        Assert.Equal("ko", await page.Page.GetAttributeAsync("html", "lang"));
        Assert.True(IsHangul(await page.Page.InnerTextAsync("main h1")));
    }

    private static bool IsHangul(string text) => text.Any(c => c is >= '\uAC00' and <= '\uD7A3');
}
