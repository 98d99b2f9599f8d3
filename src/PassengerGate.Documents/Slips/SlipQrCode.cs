namespace PassengerGate.Documents.Slips;

/// <summary>The QR code an officer scans to open the case: it carries the case number only, nothing personal.</summary>
public sealed record SlipQrCode(string Data) : SlipElement;
