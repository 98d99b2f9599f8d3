using PassengerGate.Contracts.TaxFree;

namespace PassengerGate.KioskShell.Devices;

/// <summary>The kiosk's slip printer.</summary>
public interface IReceiptPrinter
{
    Task PrintAsync(ReceiptSlip slip, CancellationToken ct);

    /// <summary>The slip of a currency declaration with its number (decision 0022, "Kiosk screens").</summary>
    Task PrintCurrencyAsync(CurrencyReceipt receipt, CancellationToken ct);

    /// <summary>The slip of a tax-free export check: the lane and each record's status (decision 0021, "At the kiosk").</summary>
    Task PrintTaxFreeAsync(TaxFreeDepartureOutcome outcome, CancellationToken ct);
}
