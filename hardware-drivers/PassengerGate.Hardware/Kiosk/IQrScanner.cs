namespace PassengerGate.Hardware.Kiosk;

/// <summary>The kiosk's QR scanner (pre-declaration codes from the Visit Japan Web style app).</summary>
public interface IQrScanner
{
    /// <summary>Raised with the decoded text of each code the scanner reads.</summary>
    event EventHandler<string>? Scanned;
}
