namespace PassengerGate.Domain.PaymentMeans;

/// <summary>
/// Settings of the structuring screen (FATF/MENAFATF 2015 report on the physical transportation of cash:
/// couriers splitting sums below the threshold). Defaults are a starting point for an operator, not law.
/// </summary>
public sealed record StructuringOptions
{
    /// <summary>
    /// "Close to the threshold": a total under the threshold by at most this share of it (10 % of ¥1,000,000
    /// means ¥900,000 up to the threshold).
    /// </summary>
    public decimal NearThresholdMarginPercent { get; init; } = 10m;

    /// <summary>How many different travellers on one booking or flight, each close, make a flag.</summary>
    public int MinimumTravellersInGroup { get; init; } = 2;

    /// <summary>How many declarations by one traveller within <see cref="RepeatWindowDays"/> make a flag.</summary>
    public int MinimumRepeatDeclarations { get; init; } = 3;

    public int RepeatWindowDays { get; init; } = 30;

    /// <summary>How many currencies or instrument kinds in one close-to-threshold declaration make a flag.</summary>
    public int MinimumSplitParts { get; init; } = 2;
}
