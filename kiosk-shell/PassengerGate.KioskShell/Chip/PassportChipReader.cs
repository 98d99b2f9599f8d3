using PassengerGate.Contracts.Kiosk;
using PassengerGate.Icao.ActiveAuthentication;
using PassengerGate.Icao.Apdu;
using PassengerGate.Icao.ChipAuthentication;
using PassengerGate.Icao.Lds;
using PassengerGate.Icao.PassiveAuthentication;
using PassengerGate.Icao.Reading;
using PassengerGate.Hardware.Apdu;

namespace PassengerGate.KioskShell.Chip;

/// <summary>
/// Reads a passport's chip with the key from its printed MRZ and shapes the result for the service.
/// DG2 (the portrait) stays on the kiosk: the service gets its hash, computed with the algorithm the
/// EF.SOD names, and compares it with the signed hash itself (Doc 9303-11 §5.1 passive authentication).
/// The data groups read are those the signed EF.SOD lists; Active Authentication answers the
/// challenge the service issued for the session, and the chip's raw signature is sent for the service
/// to verify (the kiosk's own check of it is not trusted there). Last, when the signed DG14 offers Chip Authentication,
/// the kiosk asks the service for a key agreement, runs CA with the service's ephemeral key and sends back the chip's
/// raw answers to the service's protected commands (decision 0014): the kiosk never holds the CA session keys.
/// A chip that cannot be read yields a reading with <see cref="ChipReading.Failure"/> set, so the
/// service refers the passenger instead of the kiosk guessing.
/// </summary>
public sealed class PassportChipReader(ILogger<PassportChipReader> logger)
{
    public async Task<ChipDocument> ReadAsync(
        IReadOnlyList<string> mrzLines,
        IApduTransport transport,
        byte[]? challenge,
        Action<int> progress,
        CancellationToken ct,
        Func<byte[], CancellationToken, Task<ChipAuthenticationKeyAgreement?>>? chipAuthentication = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(progress);
        try
        {
            ArgumentNullException.ThrowIfNull(mrzLines);
            var raw = mrzLines.Count == 2 && mrzLines[1].Length == 44 ? mrzLines[1] : throw new FormatException("The chip is read with a TD3 passport MRZ.");

            // The BAC key is built from the printed fields (Doc 9303-11 §9.7.2); their check digits are recomputed,
            // so a damaged printed check digit does not stop the chip from opening (the service judges the MRZ).
            var key = ChipAccessKey.FromMrz(raw[..9].TrimEnd('<'), raw.Substring(13, 6), raw.Substring(21, 6));
            // A session without a service challenge gets a random one: the service then refuses it, which is the safe side.
            var options = new ChipReaderOptions
            {
                ActiveAuthenticationChallenge = challenge is { Length: 8 } ? challenge : null,
                ChipAuthentication = chipAuthentication is null ? null : async (dg14, token) =>
                    await chipAuthentication(dg14, token) is { } agreement
                        ? new ChipAuthenticationChallenge(agreement.Protocol, agreement.KeyId, agreement.EphemeralPublicKey, agreement.ProtectedCommands)
                        : null,
            };
            var read = await new ChipReader(new ProgressApduTransport(transport, progress), options).ReadAsync(key, ct);
            progress(100);
            return Shape(read.Protocol.ToString().ToUpperInvariant(), read.Sod, read.DataGroups, read.ActiveAuthenticationExchange, read.ChipAuthenticationExchange);
        }
        catch (Exception ex) when (ex is ChipCommunicationException or FormatException or System.Security.Cryptography.CryptographicException or InvalidOperationException)
        {
            logger.LogWarning("Chip could not be read: {Message}", ex.Message);
            return new ChipDocument(new ChipReading("NONE", [], new Dictionary<int, byte[]>(), null, null, ex.Message), null);
        }
    }

    private static ChipDocument Shape(string protocol, byte[] sod, IReadOnlyDictionary<int, byte[]> groups, ActiveAuthenticationExchange aa, ChipAuthenticationExchange ca)
    {
        byte[]? dg2Hash = null;
        FacePortrait? portrait = null;
        if (groups.TryGetValue(2, out var dg2))
        {
            dg2Hash = DocumentSecurityObject.Parse(sod).SecurityObject.Hash(dg2);
            portrait = Dg2.ReadPortrait(dg2);
        }

        var withoutPortrait = groups.Where(g => g.Key != 2).ToDictionary(g => g.Key, g => g.Value);
        var response = aa.Signature is { } signature ? new ActiveAuthenticationResponse(aa.Challenge, signature) : null;
        var chipAuthentication = new ChipAuthenticationResponse(
            ca.Outcome switch
            {
                ChipAuthenticationOutcome.Performed => ChipAuthenticationResult.Performed,
                ChipAuthenticationOutcome.Refused => ChipAuthenticationResult.Refused,
                _ => ChipAuthenticationResult.NotPerformed,
            },
            ca.StatusWord,
            ca.Responses);
        return new ChipDocument(new ChipReading(protocol, sod, withoutPortrait, dg2Hash, response, ChipAuthentication: chipAuthentication), portrait);
    }
}
