namespace PassengerGate.Contracts.Kiosk;

/// <summary>What the service tells kiosks to use. The face threshold is the service's; the kiosk
/// shows progress with it but the service decides with its own copy.</summary>
public sealed record KioskSettings(double FaceThreshold, IReadOnlyList<string> Languages, TimeSpan IdleTimeout);
