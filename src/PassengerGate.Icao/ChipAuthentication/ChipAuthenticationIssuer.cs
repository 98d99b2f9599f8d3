using System.Security.Cryptography;
using PassengerGate.Icao.Apdu;
using PassengerGate.Icao.Crypto;
using PassengerGate.Icao.Lds;
using PassengerGate.Icao.SecureMessaging;

namespace PassengerGate.Icao.ChipAuthentication;

/// <summary>
/// What a verifier hands the terminal: the protocol and key id DG14 named, its own ephemeral public key on the chip's
/// domain parameters, and the commands already protected under the session keys Chip Authentication will set up
/// (SSC 0), which the terminal transmits unchanged after CA.
/// </summary>
public sealed record ChipAuthenticationChallenge(string Protocol, int? KeyId, byte[] EphemeralPublicKey, IReadOnlyList<byte[]> ProtectedCommands);

/// <summary>The secret a verifier keeps: the session keys of the chip's CA session and the hash (SHA-256) of the DG14 they were agreed for.</summary>
public sealed record ChipAuthenticationSessionKeys(SecureMessagingAlgorithm Algorithm, byte[] EncryptionKey, byte[] MacKey, byte[] Dg14Hash);

/// <summary>
/// The verifier's half of Chip Authentication (Doc 9303-11 §6.2, TR-03110-1 §3.4 / v1.11 §3.3): it plays the terminal's
/// key agreement itself, so only it and a chip holding the private key of DG14's public key know the session keys
/// KS_enc = KDF(K, 1), KS_mac = KDF(K, 2) (Doc 9303-11 §9.7.1). The terminal that carries the exchange never learns
/// them: it can neither answer for the chip nor read the answer.
/// </summary>
public static class ChipAuthenticationIssuer
{
    /// <summary>Bytes of EF.DG1 the proof reads: the chip's answer must decrypt to the start of the DG1 the SOD signed.</summary>
    public const int ProofLength = 16;

    /// <summary>SELECT EF.DG1, READ BINARY of its first <see cref="ProofLength"/> bytes: standard commands every eMRTD answers.</summary>
    public static IReadOnlyList<CommandApdu> ProofCommands { get; } =
    [
        new CommandApdu(0x00, 0xA4, 0x02, 0x0C, (byte[])[0x01, 0x01], 0),
        new CommandApdu(0x00, 0xB0, 0x00, 0x00, ReadOnlyMemory<byte>.Empty, ProofLength),
    ];

    /// <summary>Null when DG14 offers no Chip Authentication key; a malformed DG14 throws <see cref="FormatException"/> or <see cref="CryptographicException"/>.</summary>
    public static (ChipAuthenticationChallenge Challenge, ChipAuthenticationSessionKeys Keys)? Issue(byte[] dg14, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(dg14);
        var offer = ChipAuthenticationInfos.Choose(dg14);
        if (offer is null)
        {
            return null;
        }

        var domain = ChipAuthenticationDomain.Parse(offer.PublicKey.SubjectPublicKeyInfo);
        var (ephemeralPrivate, ephemeralPublic) = domain.NewKeyPair(random);
        var shared = domain.SharedSecret(ephemeralPrivate, domain.ChipPublicKey);
        var keys = new ChipAuthenticationSessionKeys(
            offer.Algorithm,
            KeyDerivation.Derive(shared, KeyDerivation.EncryptionCounter, offer.Algorithm),
            KeyDerivation.Derive(shared, KeyDerivation.MacCounter, offer.Algorithm),
            SHA256.HashData(dg14));
        CryptographicOperations.ZeroMemory(shared);
        var session = NewSession(keys);
        var commands = new List<byte[]>(ProofCommands.Count);
        foreach (var command in ProofCommands)
        {
            commands.Add(session.WrapCommand(command).Encode());
            // The chip's answer to this command takes the next SSC value (Doc 9303-11 §9.8.2).
            session.SkipResponse();
        }

        return (new ChipAuthenticationChallenge(offer.Protocol, offer.PublicKey.KeyId, ephemeralPublic, commands), keys);
    }

    /// <summary>The secure-messaging session CA starts: its keys and SSC = 0 (TR-03110-1 v1.11 §3.3; Doc 9303-11 §9.8.2).</summary>
    public static SecureMessagingSession NewSession(ChipAuthenticationSessionKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var cipher = new SecureMessagingCipher(keys.Algorithm, keys.EncryptionKey, keys.MacKey);
        return new SecureMessagingSession(cipher, new byte[cipher.SscLength]);
    }

    /// <summary>The key reference DO'84' carries: the keyId as an unsigned big-endian integer without leading zeros.</summary>
    public static byte[] KeyReference(int keyId)
    {
        var bytes = new System.Numerics.BigInteger(keyId).ToByteArray(isUnsigned: true, isBigEndian: true);
        return bytes.Length == 0 ? [0] : bytes;
    }

    internal static byte[] ObjectIdentifierValue(string oid)
    {
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        writer.WriteObjectIdentifier(oid);
        return BerTlv.Read(writer.Encode()).Value.ToArray();
    }
}
