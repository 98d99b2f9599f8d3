namespace PassengerGate.Domain.TaxFree;

/// <summary>
/// Which of Japan's two tax-free systems a purchase falls under, fixed by the purchase date in Japan time
/// (docs/taxfree-rules.md §1).
/// </summary>
public enum TaxFreeRegime
{
    /// <summary>Sold free of consumption tax (purchases up to 2026-10-31); goods not carried out are assessed (賦課決定).</summary>
    Exemption,

    /// <summary>Sold tax-inclusive; the shop refunds after customs confirms export (purchases from 2026-11-01).</summary>
    Refund,
}
