using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using PassengerGate.Domain.Currency;

namespace PassengerGate.Domain.PaymentMeans;

/// <summary>
/// Every currency rule pack, effective-dated per jurisdiction. The shipped book is
/// Data/currency-rule-packs.json (each rule with its source); <see cref="FromJson"/> reads another in that shape.
/// </summary>
public sealed class CurrencyRuleBook
{
    private static readonly Lazy<CurrencyRuleBook> DefaultBook = new(LoadDefault);

    private static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web)
    {
        // Jurisdiction codes are written as they are (JP, EU); every other enum in camelCase.
        Converters = { new JsonStringEnumConverter<Jurisdiction>(), new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private CurrencyRuleBook(IReadOnlyList<CurrencyRulePack> packs) => Packs = packs;

    public IReadOnlyList<CurrencyRulePack> Packs { get; }

    /// <summary>The shipped packs: JP, EU, US, AU, NZ, SG.</summary>
    public static CurrencyRuleBook Default => DefaultBook.Value;

    /// <summary>Reads a rule book in the shape of currency-rule-packs.json; throws FormatException when invalid.</summary>
    public static CurrencyRuleBook FromJson(string json)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, ReadOptions);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"currency rule book: {ex.Message}", ex);
        }

        if (document is null || document.Packs.Count == 0)
        {
            throw new FormatException("currency rule book: no packs");
        }

        var problems = new List<string>();
        foreach (var pack in document.Packs)
        {
            if (!CurrencyCode.TryParse(pack.ReportingCurrency, out _))
            {
                problems.Add($"'{pack.Id}': reportingCurrency '{pack.ReportingCurrency}' is not an ISO 4217 code");
            }

            if (pack.ReportingMinorUnits is < 0 or > 4)
            {
                problems.Add($"'{pack.Id}': reportingMinorUnits must be 0..4");
            }

            if (pack.Transports.GroupBy(t => t.Transport).Any(g => g.Count() > 1))
            {
                problems.Add($"'{pack.Id}': a transport is listed twice");
            }

            if (pack.PreciousMetalRules.Any(r => r.Treatment == PreciousMetalTreatment.WeightThreshold && r.WeightGrams is null))
            {
                problems.Add($"'{pack.Id}': a weightThreshold precious-metal rule needs weightGrams");
            }
        }

        foreach (var group in document.Packs.GroupBy(p => p.Jurisdiction))
        {
            var list = group.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    if ((list[i].ValidFrom ?? DateOnly.MinValue) <= (list[j].ValidTo ?? DateOnly.MaxValue)
                        && (list[j].ValidFrom ?? DateOnly.MinValue) <= (list[i].ValidTo ?? DateOnly.MaxValue))
                    {
                        problems.Add($"'{list[i].Id}' and '{list[j].Id}' are both in force on some day");
                    }
                }
            }
        }

        return problems.Count > 0 ? throw new FormatException("currency rule book: " + string.Join("; ", problems)) : new CurrencyRuleBook(document.Packs);
    }

    /// <summary>The pack in force for <paramref name="jurisdiction"/> on <paramref name="asOf"/>, or null with why.</summary>
    public CurrencyRulePack? Select(Jurisdiction jurisdiction, DateOnly asOf, out string? error)
    {
        var pack = Packs.FirstOrDefault(p => p.Jurisdiction == jurisdiction && p.Covers(asOf));
        error = pack is null
            ? string.Create(CultureInfo.InvariantCulture, $"no {jurisdiction} currency rule pack in force on {asOf:yyyy-MM-dd}")
            : null;
        return pack;
    }

    private static CurrencyRuleBook LoadDefault()
    {
        const string name = "PassengerGate.Domain.PaymentMeans.Data.currency-rule-packs.json";
        using var stream = typeof(CurrencyRuleBook).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from the build");
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd());
    }

    private sealed record Document
    {
        public string? About { get; init; }

        public required IReadOnlyList<CurrencyRulePack> Packs { get; init; }
    }
}
