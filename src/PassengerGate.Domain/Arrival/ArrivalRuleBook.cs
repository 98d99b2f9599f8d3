using System.Globalization;
using System.Text.Json;

namespace PassengerGate.Domain.Arrival;

/// <summary>
/// Every dated arrival rule a jurisdiction has, from which <see cref="Select"/> picks the ones in force
/// on a date. Japan's ships as Data/japan-arrival-rules.json (each value with its source).
/// </summary>
public sealed record ArrivalRuleBook
{
    private static readonly Lazy<ArrivalRuleBook> JapanBook = new(LoadJapan);
    private static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web);

    public required IReadOnlyList<AllowanceRule> Allowances { get; init; }

    public required IReadOnlyList<TobaccoResidenceRule> TobaccoResidenceRules { get; init; }

    public required IReadOnlyList<SimplifiedRateTable> SimplifiedRateTables { get; init; }

    public required IReadOnlyList<CustomsValueRule> CustomsValueRules { get; init; }

    public ArrivalRuleOptions Options { get; init; } = new();

    public static ArrivalRuleBook Japan => JapanBook.Value;

    /// <summary>Reads a rule book in the shape of japan-arrival-rules.json; throws FormatException when invalid.</summary>
    public static ArrivalRuleBook FromJson(string json)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, ReadOptions);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"arrival rule book: {ex.Message}", ex);
        }

        if (document is null)
        {
            throw new FormatException("arrival rule book: empty");
        }

        var book = new ArrivalRuleBook
        {
            Allowances = document.Allowances,
            TobaccoResidenceRules = document.TobaccoResidenceRules,
            SimplifiedRateTables = document.SimplifiedRateTables,
            CustomsValueRules = document.CustomsValueRules,
        };
        var overlaps = Overlaps(book.Allowances).Concat(Overlaps(book.TobaccoResidenceRules)).Concat(Overlaps(book.SimplifiedRateTables)).Concat(Overlaps(book.CustomsValueRules)).ToList();
        if (overlaps.Count > 0)
        {
            throw new FormatException("arrival rule book: " + string.Join("; ", overlaps));
        }

        return book;
    }

    /// <summary>The rules in force on <paramref name="asOf"/>, or why there are none (never a guess).</summary>
    public RuleSelection Select(DateOnly asOf)
    {
        var errors = new List<string>();
        var allowance = InForce(Allowances, asOf, null, "allowance", errors);
        var residence = InForce(TobaccoResidenceRules, asOf, Options.TobaccoResidenceRuleId, "tobacco residence rule", errors);
        var rates = InForce(SimplifiedRateTables, asOf, Options.SimplifiedRateTableId, "simplified rate table", errors);
        var value = InForce(CustomsValueRules, asOf, null, "customs value rule", errors);
        return allowance is null || residence is null || rates is null || value is null
            ? new RuleSelection(null, errors)
            : new RuleSelection(new ArrivalRules(allowance, residence, rates, value), []);
    }

    private static T? InForce<T>(IReadOnlyList<T> rules, DateOnly asOf, string? configuredId, string what, List<string> errors)
        where T : DatedRule
    {
        if (configuredId is not null)
        {
            var chosen = rules.FirstOrDefault(r => string.Equals(r.Id, configuredId, StringComparison.Ordinal));
            if (chosen is null)
            {
                errors.Add($"configured {what} '{configuredId}' is not in the rule book");
            }

            return chosen;
        }

        var found = rules.FirstOrDefault(r => r.Covers(asOf));
        if (found is null)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"no {what} in force on {asOf:yyyy-MM-dd}"));
        }

        return found;
    }

    private static IEnumerable<string> Overlaps<T>(IReadOnlyList<T> rules)
        where T : DatedRule
    {
        for (var i = 0; i < rules.Count; i++)
        {
            for (var j = i + 1; j < rules.Count; j++)
            {
                var a = rules[i];
                var b = rules[j];
                var startsBeforeOtherEnds = (a.ValidFrom ?? DateOnly.MinValue) <= (b.ValidTo ?? DateOnly.MaxValue);
                var otherStartsBeforeThisEnds = (b.ValidFrom ?? DateOnly.MinValue) <= (a.ValidTo ?? DateOnly.MaxValue);
                if (startsBeforeOtherEnds && otherStartsBeforeThisEnds)
                {
                    yield return $"'{a.Id}' and '{b.Id}' are both in force on some day";
                }
            }
        }
    }

    private static ArrivalRuleBook LoadJapan()
    {
        const string name = "PassengerGate.Domain.Arrival.Data.japan-arrival-rules.json";
        using var stream = typeof(ArrivalRuleBook).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from the build");
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd());
    }

    private sealed record Document(
        IReadOnlyList<AllowanceRule> Allowances,
        IReadOnlyList<TobaccoResidenceRule> TobaccoResidenceRules,
        IReadOnlyList<SimplifiedRateTable> SimplifiedRateTables,
        IReadOnlyList<CustomsValueRule> CustomsValueRules);
}
