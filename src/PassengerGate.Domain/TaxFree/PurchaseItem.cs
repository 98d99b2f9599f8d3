namespace PassengerGate.Domain.TaxFree;

/// <summary>One line of a purchase record. Prices are whole yen excluding consumption tax; <see cref="Tax"/> is the
/// consumption tax the shop stated for the line.</summary>
public sealed record PurchaseItem(
    string Description,
    int Quantity,
    long UnitPrice,
    long Tax,
    string? Brand = null,
    string? Model = null,
    string? Serial = null,
    TaxFreeGoodsCategory Category = TaxFreeGoodsCategory.General)
{
    public long LineTotal => UnitPrice * Quantity;

    public bool IsExcludedGoods => Category is TaxFreeGoodsCategory.Bullion or TaxFreeGoodsCategory.GoldCoin or TaxFreeGoodsCategory.PlatinumCoin;

    public bool HasIdentifyingDetails => !string.IsNullOrWhiteSpace(Brand) && !string.IsNullOrWhiteSpace(Model);
}
