using System.Text.Json;
using System.Text.RegularExpressions;
using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.I18n;

/// <summary>
/// One passenger through the kiosk, every screen read in each of the five languages (the UI relabels in place): welcome,
/// place passport, the declaration with a refused QR and the form's own validation messages, the counter result with its
/// reasons, and out of service. In ja, zh-Hans, zh-Hant and ko no word of the English catalogue shows, outside names and codes.
/// </summary>
public sealed partial class FiveLanguageWalkTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static readonly string[] Languages = ["ja", "en", "zh-Hans", "zh-Hant", "ko"];

    /// <summary>Latin words that are names or codes, not English: the language bar's "English", "QR" (written so in every
    /// language's catalogue), "IC" (the Japanese name of an e-passport), units (kg, ml), the product, and what this traveller carries (names, nationality, document, flight).</summary>
    private static readonly HashSet<string> NamesAndCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "English", "QR", "IC", "kg", "ml", "PassengerGate", "OBAMA", "BARACK", "USA", "TW0000017", "NH9", "LAX", "Narita", "Chiba",
    };

    [FacesFact]
    public async Task Every_screen_reached_shows_no_English_word_in_the_four_other_languages()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-WALK");
        await using var browser = await KioskBrowser.LaunchAsync("obama_2.jpg");
        var page = await browser.OpenAsync(kiosk);
        var english = EnglishWords();
        var seen = new List<string>();

        async Task ReadInEveryLanguageAsync(string screen)
        {
            foreach (var language in Languages)
            {
                await page.ChooseLanguageAsync(language);
                await page.Page.WaitForSelectorAsync($"html[lang='{language}']");
                await page.WaitForScreenAsync(screen);
                var text = await page.Page.InnerTextAsync("body");
                seen.Add($"{screen}/{language}");
                if (language == "en")
                {
                    continue;
                }

                var leftInEnglish = LatinWords().Matches(text).Select(m => m.Value)
                    .Where(w => english.Contains(w) && !NamesAndCodes.Contains(w)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                Assert.True(leftInEnglish.Count == 0, $"{screen} in {language} shows English: {string.Join(", ", leftInEnglish)}\n{text}");
            }
        }

        await ReadInEveryLanguageAsync("welcome");
        await page.ClickAsync("start");
        await ReadInEveryLanguageAsync("placePassport");

        kiosk.PlacePassport(Traveller.Adult("TW0000017"), "obama_1.jpg");
        await page.WaitForScreenAsync("declaration", KioskPage.FaceTimeoutMs);
        // A code that is no pre-declaration, then the form sent empty: the problem and every field's message are on screen.
        kiosk.Qr.Present("not a signed pre-declaration");
        await page.Page.WaitForSelectorAsync(".problem[role='alert']");
        await page.ClickAsync("submit-declaration");
        await page.Page.WaitForSelectorAsync(".field-error[data-error='err_required']");
        Assert.Equal(3, await page.Page.Locator(".field-error[data-error='err_required']").CountAsync());
        Assert.Equal(7, await page.Page.Locator(".field-error[data-error='err_choose']").CountAsync());
        await ReadInEveryLanguageAsync("declaration");

        // "Yes" to gold: the counter, with the reason in words.
        await page.Page.FillAsync("[data-field='flightOrVessel']", "NH9");
        await page.Page.FillAsync("[data-field='embarkationPoint']", "LAX");
        await page.Page.FillAsync("[data-field='addressInJapan']", "Narita, Chiba");
        foreach (var answer in await page.Page.QuerySelectorAllAsync("input[type='radio'][value='no']:not([name='goldBullionOrProducts'])"))
        {
            await answer.CheckAsync();
        }

        await page.Page.Locator("input[name='goldBullionOrProducts'][value='yes']").CheckAsync();
        await page.ClickAsync("submit-declaration");
        Assert.Equal("red", await page.LaneAsync());
        Assert.Contains("declaredGold", await page.ReasonCodesAsync());
        await ReadInEveryLanguageAsync("result");

        // The next passenger is greeted in the default language again.
        await page.ClickAsync("done");
        await page.WaitForScreenAsync("welcome");
        await page.Page.WaitForSelectorAsync("html[lang='en']");

        // A fault only the page reports (the camera), so no device poll clears it while the screen is read.
        kiosk.Health.Report("camera", "no video device");
        await page.WaitForScreenAsync("outOfService");
        await ReadInEveryLanguageAsync("outOfService");
        Assert.Equal(5 * 5, seen.Count);
    }

    /// <summary>Every word of the English catalogue's values, except a few that are names in every script.</summary>
    private static HashSet<string> EnglishWords()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "KioskUi", "i18n", "en.json");
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))!.Values;
        return values.SelectMany(v => LatinWords().Matches(v).Select(m => m.Value)).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"[A-Za-z]{2,}")]
    private static partial Regex LatinWords();
}
