using PassengerGate.Icao.ActiveAuthentication;
using PassengerGate.Icao.ChipAuthentication;

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

    /// <summary>The chip's raw answers under the Chip Authentication keys, for the verifier that issued the key agreement.</summary>
    public ChipAuthenticationExchange ChipAuthenticationExchange { get; init; } = ChipAuthenticationExchange.NotPerformed;
}
