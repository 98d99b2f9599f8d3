namespace PassengerGate.Contracts.Kiosk;

/// <summary>
/// The chip's files as read by the kiosk, for the service to verify. DG2 (the portrait) never leaves
/// the kiosk: only its hash travels, which the service compares with the hash signed in EF.SOD.
/// <see cref="Failure"/> is set when the kiosk could not read the chip (the files are then empty).
/// </summary>
public sealed record ChipReading(
    string Protocol,
    byte[] Sod,
    IReadOnlyDictionary<int, byte[]> DataGroups,
    byte[]? Dg2Hash,
    bool? ActiveAuthenticationPassed,
    string? Failure = null);
