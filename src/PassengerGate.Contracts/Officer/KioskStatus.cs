namespace PassengerGate.Contracts.Officer;

/// <summary>A kiosk as officers see it: connected or not, and its devices' health.</summary>
public sealed record KioskStatus(string KioskId, bool Connected, string Status, DateTimeOffset? LastSeen, IReadOnlyDictionary<string, string> Devices);
