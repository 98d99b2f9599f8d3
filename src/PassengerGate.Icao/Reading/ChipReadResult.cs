using PassengerGate.Icao.ActiveAuthentication;

namespace PassengerGate.Icao.Reading;

/// <summary>The raw files of one chip read, ready to parse (Lds) and to send to the server for passive authentication.</summary>
public sealed record ChipReadResult(
    AccessProtocol Protocol,
    byte[] EfCom,
    IReadOnlyDictionary<int, byte[]> DataGroups,
    byte[] Sod,
    byte[]? CardAccess,
    ActiveAuthenticationOutcome ActiveAuthentication,
    int ApduCount,
    bool UsedExtendedLength);
