using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.Accessibility;

/// <summary>Spoken prompts go through the Web Speech API, in the passenger's language, only once turned on.</summary>
public sealed class SpokenPromptTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Spoken_prompts_read_each_screen_in_the_chosen_language_once_switched_on()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-SPEECH");
        await using var browser = await KioskBrowser.LaunchAsync(null);
        var context = await browser.Browser.NewContextAsync();

        // Record what would be spoken instead of playing it (headless Chromium has no voices).
        await context.AddInitScriptAsync("""
            window.__spoken = [];
            if (!('speechSynthesis' in window)) {
              window.SpeechSynthesisUtterance = function (text) { this.text = text; };
              window.speechSynthesis = {};
            }
            speechSynthesis.speak = u => window.__spoken.push({ text: u.text, lang: u.lang });
            speechSynthesis.cancel = () => {};
            """);
        var p = await context.NewPageAsync();
        await p.GotoAsync(kiosk.Url);
        var page = new KioskPage(p);
        await page.WaitForScreenAsync("welcome");
        Assert.Equal(0, await p.EvaluateAsync<int>("() => window.__spoken.length"));

        await p.ClickAsync("button[data-mode='speech']");
        await p.WaitForSelectorAsync("button[data-mode='speech'][aria-pressed='true']");
        await page.ChooseLanguageAsync("ja");
        await p.WaitForSelectorAsync("html[lang='ja']");
        await page.ClickAsync("start");
        await page.WaitForScreenAsync("placePassport");

        var json = await p.EvaluateAsync<string>("() => JSON.stringify(window.__spoken)");
        var last = System.Text.Json.JsonSerializer.Deserialize<SpokenText[]>(json, System.Text.Json.JsonSerializerOptions.Web)![^1];
        // BCP 47 ja-JP for the Japanese voice; the words are the heading now on screen.
        Assert.Equal("ja-JP", last.Lang);
        Assert.Equal(await p.InnerTextAsync("main h1"), last.Text);
        Assert.Contains(last.Text, c => c is >= '\u3040' and <= '\u30FF' || c is >= '\u4E00' and <= '\u9FFF');
        await context.DisposeAsync();
    }

    private sealed record SpokenText(string Text, string Lang);
}
