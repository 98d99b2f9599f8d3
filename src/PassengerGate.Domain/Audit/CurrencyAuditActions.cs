namespace PassengerGate.Domain.Audit;

/// <summary>Audit actions of currency declarations and the departure console (decision 0022).</summary>
public static class CurrencyAuditActions
{
    public const string Declared = "currency.declared";
    public const string Counted = "currency.counted";
    public const string Decided = "currency.decided";
    public const string CashReleased = "currency.cash_released";
    public const string Exported = "currency.exported";
    public const string DocumentPrinted = "currency.document_printed";
}
