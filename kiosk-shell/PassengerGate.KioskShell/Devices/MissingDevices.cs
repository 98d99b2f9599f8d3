using PassengerGate.Hardware.Kiosk;

namespace PassengerGate.KioskShell.Devices;

/// <summary>
/// Stand-ins for devices a real kiosk (Kiosk:Simulated=false) was configured without. They never produce input,
/// and <see cref="DeviceHealth"/> reports each as "missing" from the start.
/// </summary>
public sealed class MissingPassportStation : IPassportStation
{
    // No passport ever arrives; the kiosk stays out of service because the reader is missing.
    public async Task<PassportPresentation> WaitForPassportAsync(CancellationToken ct)
    {
        await Task.Delay(Timeout.Infinite, ct);
        throw new OperationCanceledException(ct);
    }
}

/// <summary>No QR scanner: the passenger declares on the screen.</summary>
public sealed class MissingQrScanner : IQrScanner
{
    public event EventHandler<string>? Scanned
    {
        add { }
        remove { }
    }
}

/// <summary>No height sensor: the height is not measured (null), so the service refers the passenger.</summary>
public sealed class MissingHeightSensor : IHeightSensor
{
    public bool? BelowGateHeight() => null;
}

/// <summary>No printer address on a real kiosk: printing fails, and the printer is reported missing.</summary>
public sealed class MissingReceiptPrinter : IReceiptPrinter
{
    public Task PrintAsync(ReceiptSlip slip, CancellationToken ct) =>
        Task.FromException(new InvalidOperationException("No receipt printer is configured (Kiosk:PrinterAddress)."));

    public Task PrintCurrencyAsync(CurrencyReceipt receipt, CancellationToken ct) =>
        Task.FromException(new InvalidOperationException("No receipt printer is configured (Kiosk:PrinterAddress)."));

    public Task PrintTaxFreeAsync(Contracts.TaxFree.TaxFreeDepartureOutcome outcome, CancellationToken ct) =>
        Task.FromException(new InvalidOperationException("No receipt printer is configured (Kiosk:PrinterAddress)."));
}
