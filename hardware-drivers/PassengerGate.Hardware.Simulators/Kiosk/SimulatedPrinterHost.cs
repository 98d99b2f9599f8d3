using PassengerGate.Hardware.Simulators.Printer;

namespace PassengerGate.Hardware.Simulators.Kiosk;

/// <summary>
/// On simulated hardware (no <c>Kiosk:PrinterAddress</c>), the receipt printer is the ESC/POS
/// simulator from Hardware.Simulators listening on a loopback port, like a network printer's raw port 9100.
/// </summary>
public sealed class SimulatedPrinterHost : IAsyncDisposable
{
    private readonly Lazy<SimulatedReceiptPrinter> _printer = new(SimulatedReceiptPrinter.StartOnLoopback);

    public SimulatedReceiptPrinter Printer => _printer.Value;

    public async ValueTask DisposeAsync()
    {
        if (_printer.IsValueCreated)
        {
            await _printer.Value.DisposeAsync();
        }
    }
}
