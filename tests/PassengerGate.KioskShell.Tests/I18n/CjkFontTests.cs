using Microsoft.Playwright;
using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.I18n;

/// <summary>
/// Korean and Chinese are drawn with a real CJK font (Debian's fonts-noto-cjk, which deploy/run.sh and deploy/test.sh
/// install), not with the fallback boxes of a machine without one. Chromium reports the platform fonts it used for a
/// node's text through the DevTools protocol (CSS.getPlatformFontsForNode, https://chromedevtools.github.io/devtools-protocol/tot/CSS/#method-getPlatformFontsForNode).
/// </summary>
public sealed class CjkFontTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    public static TheoryData<string> CjkLanguages => new() { "ko", "zh-Hans", "zh-Hant", "ja" };

    [Theory]
    [MemberData(nameof(CjkLanguages))]
    public async Task Kiosk_and_phone_page_draw_the_language_with_a_Noto_CJK_font(string language)
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, $"NRT-UI-FONT-{language.ToUpperInvariant()}");
        await using var browser = await KioskBrowser.LaunchAsync(null);
        var page = await browser.OpenAsync(kiosk);
        await page.ChooseLanguageAsync(language);
        await page.Page.WaitForSelectorAsync($"html[lang='{language}']");

        // The greeting, and the language's own button on the bar (the 한국어 button is what a Korean reader looks for first).
        AssertNotoCjk(await FontsForAsync(page.Page, "main h1"), "kiosk heading");
        AssertNotoCjk(await FontsForAsync(page.Page, $"button[data-language='{language}']"), "kiosk language button");

        var phone = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await phone.GotoAsync(new Uri(server.BaseAddress, "/predeclare/").ToString());
        await phone.WaitForSelectorAsync("html[data-i18n-ready]");
        await phone.Locator("#lang").SelectOptionAsync(language);
        await phone.WaitForSelectorAsync($"html[lang='{language}']");
        AssertNotoCjk(await FontsForAsync(phone, "header h1"), "phone page heading");
    }

    /// <summary>Every CJK character of the text (Hangul syllables, kana, CJK ideographs and punctuation) was drawn by a Noto CJK face;
    /// spaces and digits may come from the first font of the stack.</summary>
    private static void AssertNotoCjk((string Text, IReadOnlyList<(string Family, int Glyphs)> Fonts) drawn, string what)
    {
        var cjk = drawn.Text.Count(c => c is >= '\u3000' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7A3' or >= '\uFF00' and <= '\uFFEF');
        var byNoto = drawn.Fonts.Where(f => f.Family.StartsWith("Noto Sans CJK", StringComparison.Ordinal)).Sum(f => f.Glyphs);
        Assert.True(cjk > 0 && byNoto >= cjk, $"{what} \"{drawn.Text}\" ({cjk} CJK characters) drawn with: {string.Join(", ", drawn.Fonts.Select(f => $"{f.Family} ×{f.Glyphs}"))}");
    }

    /// <summary>The families Chromium used for the text inside the element (one entry per font that drew glyphs).</summary>
    private static async Task<(string Text, IReadOnlyList<(string Family, int Glyphs)> Fonts)> FontsForAsync(IPage page, string selector)
    {
        var text = await page.InnerTextAsync(selector);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("DOM.enable");
        await cdp.SendAsync("CSS.enable");
        var document = await cdp.SendAsync("DOM.getDocument", new() { ["depth"] = 0 });
        var root = document!.Value.GetProperty("root").GetProperty("nodeId").GetInt32();
        var node = await cdp.SendAsync("DOM.querySelector", new() { ["nodeId"] = root, ["selector"] = selector });
        var nodeId = node!.Value.GetProperty("nodeId").GetInt32();
        Assert.True(nodeId != 0, $"no {selector} on the page");
        var fonts = await cdp.SendAsync("CSS.getPlatformFontsForNode", new() { ["nodeId"] = nodeId });
        await cdp.DetachAsync();
        return (text, [.. fonts!.Value.GetProperty("fonts").EnumerateArray()
            .Select(f => (f.GetProperty("familyName").GetString() ?? "", (int)f.GetProperty("glyphCount").GetDouble()))]);
    }
}
