namespace PassengerGate.Domain.TaxFree;

/// <summary>Consumption tax on a yen amount at a whole-percent rate, fractions of a yen dropped (docs/taxfree-rules.md §4).</summary>
public static class ConsumptionTax
{
    public static long On(long amountExcludingTax, int ratePercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amountExcludingTax);
        ArgumentOutOfRangeException.ThrowIfNegative(ratePercent);
        return checked(amountExcludingTax * ratePercent) / 100;
    }
}
