namespace PassengerGate.Domain.TaxFree;

/// <summary>A purchase record as a shop transmits it: one traveller, one shop, one moment of sale, its items.</summary>
public sealed record PurchaseRecord(
    string RecordId,
    string ShopId,
    string PassportNumber,
    string Nationality,
    DateTimeOffset PurchasedAt,
    IReadOnlyList<PurchaseItem> Items)
{
    public long Total => Items.Sum(i => i.LineTotal);
}
