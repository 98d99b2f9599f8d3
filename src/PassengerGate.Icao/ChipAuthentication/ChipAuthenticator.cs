using PassengerGate.Icao.Apdu;
using PassengerGate.Icao.Lds;
using PassengerGate.Icao.Reading;
using PassengerGate.Icao.SecureMessaging;

namespace PassengerGate.Icao.ChipAuthentication;

/// <summary>How the terminal's part of Chip Authentication went.</summary>
public enum ChipAuthenticationOutcome
{
    /// <summary>No CA was run: DG14 offers none, or no verifier issued a challenge.</summary>
    NotPerformed,

    /// <summary>The chip refused the key agreement command (its status word is kept).</summary>
    Refused,

    /// <summary>The key agreement was accepted and the verifier's protected commands were sent; their raw answers are kept.</summary>
    Performed,
}

/// <summary>One Chip Authentication as the terminal ran it: the chip's raw answers to the verifier's protected commands.</summary>
public sealed record ChipAuthenticationExchange(ChipAuthenticationOutcome Outcome, ushort? StatusWord, IReadOnlyList<byte[]> Responses)
{
    public static ChipAuthenticationExchange NotPerformed { get; } = new(ChipAuthenticationOutcome.NotPerformed, null, []);
}

/// <summary>
/// The terminal side of Chip Authentication (Doc 9303-11 §6.2, §6.2.4; TR-03110-3 App. B), run under the BAC/PACE
/// session after every file and Active Authentication, because it replaces the session keys: for 3DES MSE:Set KAT
/// (22 41 A6, DO'91' ephemeral public key, DO'84' key id); for AES MSE:Set AT (22 41 A4, DO'80' protocol, DO'84' key
/// id) and GENERAL AUTHENTICATE (7C { 80 ephemeral public key }). The ephemeral key is the verifier's, so the chip's
/// answers to the verifier's pre-protected commands are sent back raw: this terminal cannot read or forge them.
/// </summary>
public static class ChipAuthenticator
{
    public static async Task<ChipAuthenticationExchange> AuthenticateAsync(ChipChannel channel, ChipAuthenticationChallenge challenge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(challenge);
        var keyReference = challenge.KeyId is { } id ? BerTlv.Encode(0x84, ChipAuthenticationIssuer.KeyReference(id)) : [];
        try
        {
            ResponseApdu response;
            if (ChipAuthenticationInfos.AlgorithmOf(challenge.Protocol) == Crypto.SecureMessagingAlgorithm.TripleDes)
            {
                byte[] kat = [.. BerTlv.Encode(0x91, challenge.EphemeralPublicKey), .. keyReference];
                response = await channel.SendAsync(new CommandApdu(0x00, 0x22, 0x41, 0xA6, kat, 0), ct);
            }
            else
            {
                byte[] at = [.. BerTlv.Encode(0x80, ChipAuthenticationIssuer.ObjectIdentifierValue(challenge.Protocol)), .. keyReference];
                response = await channel.SendAsync(new CommandApdu(0x00, 0x22, 0x41, 0xA4, at, 0), ct);
                if (response.IsSuccess)
                {
                    response = await channel.SendAsync(new CommandApdu(0x00, 0x86, 0x00, 0x00, BerTlv.Encode(0x7C, BerTlv.Encode(0x80, challenge.EphemeralPublicKey)), 256), ct);
                }
            }

            if (!response.IsSuccess)
            {
                return new ChipAuthenticationExchange(ChipAuthenticationOutcome.Refused, response.StatusWord, []);
            }
        }
        catch (SecureMessagingException)
        {
            channel.Session = null;
            return new ChipAuthenticationExchange(ChipAuthenticationOutcome.Refused, null, []);
        }

        // From here the chip speaks with the CA session keys, which only the verifier holds.
        channel.Session = null;
        var answers = new List<byte[]>(challenge.ProtectedCommands.Count);
        foreach (var command in challenge.ProtectedCommands)
        {
            answers.Add(await channel.Transport.TransmitAsync(command, ct));
        }

        return new ChipAuthenticationExchange(ChipAuthenticationOutcome.Performed, null, answers);
    }
}
