namespace PassengerGate.Contracts.Kiosk;

/// <summary>Sent periodically; <see cref="Devices"/> maps a device name to "ok" or a fault text.</summary>
public sealed record KioskHeartbeat(string Status, IReadOnlyDictionary<string, string> Devices);
