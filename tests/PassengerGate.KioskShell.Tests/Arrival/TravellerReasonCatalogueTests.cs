using System.Text.Json;
using PassengerGate.Contracts.Kiosk;

namespace PassengerGate.KioskShell.Tests.Arrival;

/// <summary>
/// The touch UI's words for the traveller-safe reasons (decision 0007): every <see cref="TravellerReason"/> is worded
/// in each of the five kiosk languages, translated (not left in English), and the catalogue holds no reason the
/// service cannot send.
/// </summary>
public sealed class TravellerReasonCatalogueTests
{
    private static readonly string[] Languages = ["ja", "en", "zh-Hans", "zh-Hant", "ko"];

    private static Dictionary<string, string> Catalogue(string language)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "KioskUi", "i18n", $"{language}.json");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))!;
    }

    private static string Key(TravellerReason reason) => "reason_" + JsonNamingPolicy.CamelCase.ConvertName(reason.ToString());

    [Fact]
    public void Every_traveller_reason_is_worded_in_all_five_languages_and_translated()
    {
        var english = Catalogue("en");
        foreach (var language in Languages)
        {
            var words = Catalogue(language);
            foreach (var reason in Enum.GetValues<TravellerReason>())
            {
                Assert.True(words.TryGetValue(Key(reason), out var text) && !string.IsNullOrWhiteSpace(text), $"{language} has no words for {reason}");
                if (language != "en")
                {
                    Assert.NotEqual(english[Key(reason)], text);
                }
            }
        }
    }

    [Fact]
    public void The_catalogue_key_is_the_name_the_kiosk_receives_on_the_wire()
    {
        // The page builds the key from the wire value: reason_ + the JSON string the hub sends.
        foreach (var reason in Enum.GetValues<TravellerReason>())
        {
            Assert.Equal(Key(reason), "reason_" + JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(reason)));
        }
    }

    [Fact]
    public void No_language_keeps_a_reason_the_service_cannot_send()
    {
        var known = Enum.GetValues<TravellerReason>().Select(Key).ToHashSet(StringComparer.Ordinal);
        foreach (var language in Languages)
        {
            var stale = Catalogue(language).Keys.Where(k => k.StartsWith("reason_", StringComparison.Ordinal) && !known.Contains(k)).ToList();
            Assert.True(stale.Count == 0, $"{language}: {string.Join(", ", stale)}");
        }
    }
}
