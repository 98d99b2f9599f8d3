namespace PassengerGate.Domain.PaymentMeans;

/// <summary>
/// Which precious-metal items a rule pack covers (metal, forms, minimum purity with its operator) and how it
/// counts them. <see cref="WeightGrams"/> is the total-weight threshold for <see cref="PreciousMetalTreatment.WeightThreshold"/>.
/// </summary>
public sealed record PreciousMetalRule
{
    public required Metal Metal { get; init; }

    public required IReadOnlyList<MetalForm> Forms { get; init; }

    public required Threshold MinimumPurityPercent { get; init; }

    public required PreciousMetalTreatment Treatment { get; init; }

    public Threshold? WeightGrams { get; init; }

    public required string Source { get; init; }

    public bool Covers(PreciousMetalInstrument item) =>
        item.Metal == Metal && Forms.Contains(item.Form) && MinimumPurityPercent.IsMetBy(item.PurityPercent);
}
