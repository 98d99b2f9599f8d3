namespace PassengerGate.Domain.Arrival;

/// <summary>Side B of C5360: the goods list (domain-japan.md §1.2 [S4][S6]).</summary>
public sealed record DeclaredGoods
{
    public IReadOnlyList<AlcoholLine> Alcohol { get; init; } = [];

    public int Cigarettes { get; init; }

    public int Cigars { get; init; }

    public HeatedTobacco HeatedTobacco { get; init; } = HeatedTobacco.None;

    public int OtherTobaccoGrams { get; init; }

    public decimal PerfumeMl { get; init; }

    public IReadOnlyList<OtherGoodsLine> OtherGoods { get; init; } = [];
}
