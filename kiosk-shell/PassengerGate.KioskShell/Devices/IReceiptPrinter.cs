namespace PassengerGate.KioskShell.Devices;

/// <summary>The kiosk's slip printer.</summary>
public interface IReceiptPrinter
{
    Task PrintAsync(ReceiptSlip slip, CancellationToken ct);
}
