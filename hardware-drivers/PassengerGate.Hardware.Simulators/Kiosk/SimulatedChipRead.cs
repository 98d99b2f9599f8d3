using PassengerGate.Contracts.Kiosk;
using PassengerGate.Icao.ChipAuthentication;
using PassengerGate.Icao.PassiveAuthentication;
using PassengerGate.Icao.Reading;
using PassengerGate.Hardware.Apdu;

namespace PassengerGate.Hardware.Simulators.Kiosk;

/// <summary>
/// Reads a simulated passport's chip the way a kiosk does — the real ICAO reader (BAC, secure messaging, Active
/// Authentication answering the service's challenge, Chip Authentication with the service's key agreement) over the
/// simulator's APDU transport — and packs what the kiosk sends: DG2 stays behind, only its hash (ICAO Doc 9303-11
/// §5.1) travels. For callers that stand in for a whole kiosk (the load generator); the kiosk shell has its own
/// reader with progress and portrait handling.
/// </summary>
public static class SimulatedChipRead
{
    public static async Task<ChipReading> ReadAsync(
        IApduTransport transport,
        IReadOnlyList<string> mrzLines,
        byte[]? challenge,
        Func<byte[], CancellationToken, Task<ChipAuthenticationKeyAgreement?>>? chipAuthentication,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mrzLines);
        var line = mrzLines.Count == 2 && mrzLines[1].Length == 44 ? mrzLines[1] : throw new FormatException("A TD3 passport MRZ has two lines of 44.");
        var key = ChipAccessKey.FromMrz(line[..9].TrimEnd('<'), line.Substring(13, 6), line.Substring(21, 6));
        var options = new ChipReaderOptions
        {
            ActiveAuthenticationChallenge = challenge is { Length: 8 } ? challenge : null,
            ChipAuthentication = chipAuthentication is null ? null : async (dg14, token) =>
                await chipAuthentication(dg14, token) is { } agreement
                    ? new ChipAuthenticationChallenge(agreement.Protocol, agreement.KeyId, agreement.EphemeralPublicKey, agreement.ProtectedCommands)
                    : null,
        };
        var read = await new ChipReader(transport, options).ReadAsync(key, ct);
        var dg2Hash = read.DataGroups.TryGetValue(2, out var dg2) ? DocumentSecurityObject.Parse(read.Sod).SecurityObject.Hash(dg2) : null;
        var aa = read.ActiveAuthenticationExchange;
        var ca = read.ChipAuthenticationExchange;
        return new ChipReading(
            read.Protocol.ToString().ToUpperInvariant(),
            read.Sod,
            read.DataGroups.Where(g => g.Key != 2).ToDictionary(g => g.Key, g => g.Value),
            dg2Hash,
            aa.Signature is { } signature ? new ActiveAuthenticationResponse(aa.Challenge, signature) : null,
            ChipAuthentication: new ChipAuthenticationResponse(
                ca.Outcome switch
                {
                    ChipAuthenticationOutcome.Performed => ChipAuthenticationResult.Performed,
                    ChipAuthenticationOutcome.Refused => ChipAuthenticationResult.Refused,
                    _ => ChipAuthenticationResult.NotPerformed,
                },
                ca.StatusWord,
                ca.Responses));
    }
}
