namespace PassengerGate.Domain.Arrival;

/// <summary>Per-person duty-free allowances (domain-japan.md §1.3).</summary>
public sealed record AllowanceRule : DatedRule
{
    public required int MinimumAgeAlcoholTobacco { get; init; }

    /// <summary>Below this age only items clearly for the child get an allowance [S1].</summary>
    public required int ChildAgeBelow { get; init; }

    public required int AlcoholBottles { get; init; }

    /// <summary>"~760 ml": a larger bottle counts as ceil(ml / this) bottles (our reading; unconfirmed).</summary>
    public required int AlcoholBottleMl { get; init; }

    public required int Cigarettes { get; init; }

    public required int Cigars { get; init; }

    public required int HeatedTobaccoPacks { get; init; }

    public required int OtherTobaccoGrams { get; init; }

    /// <summary>How mixed kinds share the one tobacco allowance, and that the conversion is unconfirmed.</summary>
    public required string TobaccoMixing { get; init; }

    public required decimal PerfumeMl { get; init; }

    public required decimal OtherGoodsYen { get; init; }

    public required decimal SmallKindYen { get; init; }
}
