using System.Text.Json;
using System.Text.Json.Serialization;

namespace PassengerGate.Domain.TaxFree;

/// <summary>
/// The departure lane rules as data (JSON, <see cref="Read"/>), so customs can tune them without a release. Every
/// threshold is in yen excluding tax over the traveller's confirmable records at this check ("the stay").
/// Defaults and why: docs/taxfree-rules.md §5.
/// </summary>
public sealed record TaxFreeLaneRules
{
    /// <summary>Share of travellers drawn for inspection at random, 0 to 1.</summary>
    public double RandomRate { get; init; } = 0.05;

    /// <summary>A line (unit price × quantity) at or above this goes red.</summary>
    public long HighValueItemFrom { get; init; } = 500_000;

    /// <summary>A unit price at or above this goes red: the inspector compares brand and model (docs/taxfree-rules.md §2).</summary>
    public long InspectUnitPriceFrom { get; init; } = TaxFreeRules.IdentifyingDetailsFrom;

    /// <summary>This many confirmable records or more goes red.</summary>
    public int ManyRecordsFrom { get; init; } = 20;

    /// <summary>Confirmable totals at or above this go red (NTA: 690 buyers of ≥ ¥100 M per stay, nearly all not exported).</summary>
    public long HighTotalFrom { get; init; } = 100_000_000;

    /// <summary>Whether a passport with an earlier missing item or assessment always goes red.</summary>
    public bool InspectEarlierIrregularities { get; init; } = true;

    public static TaxFreeLaneRules Default { get; } = new();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static TaxFreeLaneRules Read(string json)
    {
        var rules = JsonSerializer.Deserialize<TaxFreeLaneRules>(json, Json)
            ?? throw new JsonException("the lane rules are empty");
        if (double.IsNaN(rules.RandomRate) || rules.RandomRate is < 0 or > 1)
        {
            throw new JsonException("randomRate is a share from 0 to 1");
        }

        if (rules.HighValueItemFrom <= 0 || rules.InspectUnitPriceFrom <= 0 || rules.ManyRecordsFrom <= 0 || rules.HighTotalFrom <= 0)
        {
            throw new JsonException("every threshold is positive");
        }

        return rules;
    }

    /// <summary>
    /// Green only when nothing sends the traveller red. <paramref name="randomDraw"/> is the traveller's draw in [0, 1)
    /// (<see cref="Risk.RandomSelection"/>); <paramref name="earlierIrregularities"/> counts earlier missing items or
    /// assessments on this passport.
    /// </summary>
    public TaxFreeLaneDecision Decide(IReadOnlyList<RecordCheck> checks, double randomDraw, int earlierIrregularities)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var confirmable = checks.Where(c => c.Status == RecordStatus.Confirmable).ToList();
        var reasons = new List<TaxFreeLaneReason>();
        if (confirmable.Count == 0)
        {
            return new TaxFreeLaneDecision(TaxFreeLane.Green, reasons);
        }

        var items = confirmable.SelectMany(c => c.Record.Items).ToList();
        if (randomDraw < RandomRate)
        {
            reasons.Add(TaxFreeLaneReason.RandomSelection);
        }

        if (items.Any(i => i.LineTotal >= HighValueItemFrom))
        {
            reasons.Add(TaxFreeLaneReason.HighValueItem);
        }

        if (items.Any(i => i.UnitPrice >= InspectUnitPriceFrom))
        {
            reasons.Add(TaxFreeLaneReason.IdentifyingDetailsItem);
        }

        if (confirmable.Count >= ManyRecordsFrom)
        {
            reasons.Add(TaxFreeLaneReason.ManyRecordsPerStay);
        }

        if (confirmable.Sum(c => c.Record.Total) >= HighTotalFrom)
        {
            reasons.Add(TaxFreeLaneReason.HighTotalPerStay);
        }

        if (InspectEarlierIrregularities && earlierIrregularities > 0)
        {
            reasons.Add(TaxFreeLaneReason.EarlierIrregularity);
        }

        return new TaxFreeLaneDecision(reasons.Count == 0 ? TaxFreeLane.Green : TaxFreeLane.Red, reasons);
    }
}

public enum TaxFreeLane
{
    /// <summary>Export confirmed for every confirmable record.</summary>
    Green,

    /// <summary>Show the goods to customs.</summary>
    Red,
}

public sealed record TaxFreeLaneDecision(TaxFreeLane Lane, IReadOnlyList<TaxFreeLaneReason> Reasons);
