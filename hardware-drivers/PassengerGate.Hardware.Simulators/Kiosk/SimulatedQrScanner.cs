using PassengerGate.Hardware.Kiosk;

namespace PassengerGate.Hardware.Simulators.Kiosk;

/// <summary>A QR scanner on simulated hardware: <see cref="Present"/> plays a code held under it.</summary>
public sealed class SimulatedQrScanner : IQrScanner
{
    public event EventHandler<string>? Scanned;

    public void Present(string text) => Scanned?.Invoke(this, text);
}
