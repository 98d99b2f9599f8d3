using PassengerGate.Icao.ActiveAuthentication;

namespace PassengerGate.Icao.Reading;

/// <summary>The raw files of one chip read, ready to parse (Lds) and to send to the server for passive and active authentication.
/// <see cref="EfCom"/> is empty when the chip has none; the data groups read are those the signed EF.SOD lists.</summary>
public sealed record ChipReadResult(
    AccessProtocol Protocol,
    byte[] EfCom,
    IReadOnlyDictionary<int, byte[]> DataGroups,
    byte[] Sod,
    byte[]? CardAccess,
    ActiveAuthenticationOutcome ActiveAuthentication,
    int ApduCount,
    bool UsedExtendedLength)
{
    /// <summary>The challenge sent and the chip's raw signature, for a verifier that does not take this reader's word.</summary>
    public ActiveAuthenticationExchange ActiveAuthenticationExchange { get; init; } = ActiveAuthenticationExchange.NotPerformed;
}
