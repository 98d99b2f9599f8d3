namespace PassengerGate.Contracts.Kiosk;

/// <summary>
/// The chip's files as read by the kiosk, for the service to verify. DG2 (the portrait) never leaves
/// the kiosk: only its hash travels, which the service compares with the hash signed in EF.SOD.
/// The data groups are those the signed EF.SOD lists (DG3/DG4 excepted), not EF.COM's list.
/// <see cref="ActiveAuthentication"/> carries the chip's answer to the session's challenge for the
/// service to verify itself; it is null when the chip gave none.
/// <see cref="ChipAuthentication"/> carries the chip's raw answers under the Chip Authentication keys the service
/// agreed (null when the kiosk ran none).
/// <see cref="Failure"/> is set when the kiosk could not read the chip (the files are then empty).
/// </summary>
public sealed record ChipReading(
    string Protocol,
    byte[] Sod,
    IReadOnlyDictionary<int, byte[]> DataGroups,
    byte[]? Dg2Hash,
    ActiveAuthenticationResponse? ActiveAuthentication,
    string? Failure = null,
    ChipAuthenticationResponse? ChipAuthentication = null);
