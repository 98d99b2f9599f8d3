namespace PassengerGate.Domain.TaxFree;

/// <summary>What a shop says an item is, so far as the tax-free rules care (docs/taxfree-rules.md §2).</summary>
public enum TaxFreeGoodsCategory
{
    /// <summary>Taxed at the standard 10 % rate.</summary>
    General,

    /// <summary>Food and non-alcoholic drink, taxed at the reduced 8 % rate.</summary>
    ReducedRate,

    /// <summary>Gold or other metal bullion: never tax-free.</summary>
    Bullion,

    /// <summary>Gold coins: never tax-free.</summary>
    GoldCoin,

    /// <summary>Platinum coins: never tax-free.</summary>
    PlatinumCoin,
}
