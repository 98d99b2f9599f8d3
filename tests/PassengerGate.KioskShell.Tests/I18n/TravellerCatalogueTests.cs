using System.Text.Json;
using System.Text.RegularExpressions;
using PassengerGate.Contracts.PreDeclarations;

namespace PassengerGate.KioskShell.Tests.I18n;

/// <summary>
/// The traveller catalogue (i18n/traveller/&lt;tag&gt;.json, decision 0016), read as the kiosk and the phone page serve it:
/// the same keys in all five languages, nothing left in English, the same placeholders, a wording for every QR problem,
/// and pages that take their words from it rather than carry English of their own.
/// </summary>
public sealed partial class TravellerCatalogueTests
{
    private static readonly string[] Languages = ["ja", "en", "zh-Hans", "zh-Hant", "ko"];

    /// <summary>Values that are the same in every language because they are names or codes, not words.</summary>
    private static readonly HashSet<string> SameInEveryLanguage = new(StringComparer.Ordinal) { "PassengerGate" };

    private static string KioskUi => Path.Combine(AppContext.BaseDirectory, "KioskUi");

    private static string PhonePage => Path.Combine(AppContext.BaseDirectory, "wwwroot", "predeclare");

    private static Dictionary<string, string> Catalogue(string folder, string language) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(folder, "i18n", $"{language}.json")))!;

    [Fact]
    public void The_kiosk_and_the_phone_page_serve_the_same_catalogue()
    {
        foreach (var language in Languages)
        {
            Assert.Equal(
                File.ReadAllText(Path.Combine(KioskUi, "i18n", $"{language}.json")),
                File.ReadAllText(Path.Combine(PhonePage, "i18n", $"{language}.json")));
        }
    }

    [Fact]
    public void Every_key_is_worded_in_every_language()
    {
        var all = Languages.SelectMany(l => Catalogue(KioskUi, l).Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var language in Languages)
        {
            var words = Catalogue(KioskUi, language);
            var missing = all.Where(k => !words.TryGetValue(k, out var text) || string.IsNullOrWhiteSpace(text)).ToList();
            Assert.True(missing.Count == 0, $"{language} has no words for {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void No_language_leaves_a_text_in_English()
    {
        var english = Catalogue(KioskUi, "en");
        foreach (var language in Languages.Where(l => l != "en"))
        {
            var same = Catalogue(KioskUi, language)
                .Where(p => english.TryGetValue(p.Key, out var en) && en == p.Value && !SameInEveryLanguage.Contains(p.Value))
                .Select(p => $"{p.Key} = {p.Value}")
                .ToList();
            Assert.True(same.Count == 0, $"{language} keeps English: {string.Join("; ", same)}");
        }
    }

    [Fact]
    public void Every_language_fills_in_the_same_placeholders_as_English()
    {
        var english = Catalogue(KioskUi, "en");
        foreach (var language in Languages)
        {
            foreach (var (key, text) in Catalogue(KioskUi, language))
            {
                Assert.Equal(Placeholders(english[key]), Placeholders(text));
            }
        }
    }

    [Fact]
    public void Every_QR_problem_has_its_words_in_every_language()
    {
        // The kiosk shows problem_<code>, the code being Reason.Code: "QR_" + the error's wire code (PreDeclarationKeys, PreDeclarationReader).
        foreach (var language in Languages)
        {
            var words = Catalogue(KioskUi, language);
            foreach (var error in Enum.GetValues<PreDeclarationQrError>().Where(e => e != PreDeclarationQrError.None))
            {
                Assert.True(words.ContainsKey($"problem_QR_{error.Code()}"), $"{language} has no words for the QR problem {error}");
            }

            Assert.True(words.ContainsKey("problem_unknown"), $"{language} has no words for a problem without its own");
        }
    }

    [Fact]
    public void The_pages_carry_no_English_text_of_their_own()
    {
        // Every English sentence or label of the catalogue: none may also be written into a page or script, where it
        // would show whatever the chosen language. Single words under four letters (Yes, No) are too common to search for.
        var english = Catalogue(KioskUi, "en").Values.Where(v => v.Length >= 4 && !SameInEveryLanguage.Contains(v)).ToList();
        string[] sources =
        [
            .. Directory.GetFiles(KioskUi, "*.js"), .. Directory.GetFiles(Path.Combine(KioskUi, "screens"), "*.js"),
            Path.Combine(KioskUi, "index.html"), .. Directory.GetFiles(PhonePage, "*.js"), Path.Combine(PhonePage, "index.html"),
        ];
        foreach (var file in sources)
        {
            // Hub method names (invoke('Cancel')) are code, not words.
            var text = HubCall().Replace(File.ReadAllText(file), "invoke(");
            var found = english.Where(e => text.Contains($"'{e}'", StringComparison.Ordinal) || text.Contains($"\"{e}\"", StringComparison.Ordinal) || text.Contains($">{e}<", StringComparison.Ordinal)).ToList();
            Assert.True(found.Count == 0, $"{Path.GetFileName(file)} writes English itself: {string.Join("; ", found)}");
        }

        // The pages' HTML holds no text at all besides each language's own name and the product's name: the rest comes
        // from the catalogue through data-i18n.
        foreach (var html in new[] { Path.Combine(KioskUi, "index.html"), Path.Combine(PhonePage, "index.html") })
        {
            var visible = TextNodes().Matches(Tags().Replace(Scripts().Replace(File.ReadAllText(html), ""), "><"))
                .Select(m => m.Groups[1].Value.Trim())
                .Where(t => t.Length > 0 && t is not ("PassengerGate" or "日本語" or "English" or "简体中文" or "繁體中文" or "한국어"))
                .ToList();
            Assert.True(visible.Count == 0, $"{Path.GetFileName(Path.GetDirectoryName(html))}/index.html has text of its own: {string.Join("; ", visible)}");
        }

        // Attributes a reader announces (aria-label, placeholder, title) likewise come from the catalogue.
        foreach (var html in new[] { Path.Combine(KioskUi, "index.html"), Path.Combine(PhonePage, "index.html") })
        {
            Assert.DoesNotMatch(SpokenAttribute(), File.ReadAllText(html));
        }
    }

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{[A-Za-z0-9]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"invoke\(\s*['""][A-Za-z]+['""]")]
    private static partial Regex HubCall();

    [GeneratedRegex(@"<script[\s\S]*?</script>|<!--[\s\S]*?-->")]
    private static partial Regex Scripts();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@">([^<]*)<")]
    private static partial Regex TextNodes();

    [GeneratedRegex(@"\s(aria-label|placeholder|title)=""[^""]*[A-Za-z]")]
    private static partial Regex SpokenAttribute();
}
