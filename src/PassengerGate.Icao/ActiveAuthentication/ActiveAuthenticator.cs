using System.Formats.Asn1;
using System.Security.Cryptography;
using PassengerGate.Icao.Apdu;
using PassengerGate.Icao.Crypto;
using PassengerGate.Icao.Lds;
using PassengerGate.Icao.Reading;

namespace PassengerGate.Icao.ActiveAuthentication;

/// <summary>
/// Active Authentication (Doc 9303-11 §6.1): INTERNAL AUTHENTICATE with an 8-byte random challenge, verified with the
/// DG15 public key: RSA by ISO/IEC 9796-2 scheme 1, ECDSA as plain r‖s (BSI TR-03111) with the hash named in DG14's
/// ActiveAuthenticationInfo (SHA-256 when DG14 does not say).
/// </summary>
public sealed class ActiveAuthenticator(IRandomSource random)
{
    private const string RsaEncryption = "1.2.840.113549.1.1.1";
    private const string EcPublicKey = "1.2.840.10045.2.1";

    /// <summary>
    /// Sends <paramref name="challenge"/> (8 bytes; a fresh random one when null) and checks the answer locally. The
    /// exchange keeps the challenge and the chip's raw signature so the service can verify them again itself: the
    /// kiosk's own verdict is for display only.
    /// </summary>
    public async Task<ActiveAuthenticationExchange> AuthenticateAsync(ChipChannel channel, byte[]? dg15, byte[]? dg14, byte[]? challenge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(channel);
        challenge ??= random.NextBytes(8);
        if (challenge.Length != 8)
        {
            throw new ArgumentException("Doc 9303-11 §6.1 INTERNAL AUTHENTICATE takes an 8-byte challenge.", nameof(challenge));
        }

        if (dg15 is null || KeyAlgorithm(dg15) is not (RsaEncryption or EcPublicKey))
        {
            return new ActiveAuthenticationExchange(ActiveAuthenticationOutcome.NotSupported, challenge, null);
        }

        var response = await channel.SendAsync(new CommandApdu(0x00, 0x88, 0x00, 0x00, challenge, 256), ct);
        if (!response.IsSuccess || response.Data.Length == 0)
        {
            return new ActiveAuthenticationExchange(ActiveAuthenticationOutcome.Invalid, challenge, null);
        }

        var signature = response.Data.ToArray();
        var outcome = SafeVerify(dg15, dg14, challenge, signature) ? ActiveAuthenticationOutcome.Valid : ActiveAuthenticationOutcome.Invalid;
        return new ActiveAuthenticationExchange(outcome, challenge, signature);
    }

    /// <summary><see cref="Verify"/>, with a malformed key or signature counted as a failed verification.</summary>
    public static bool SafeVerify(byte[] dg15, byte[]? dg14, ReadOnlySpan<byte> challenge, ReadOnlySpan<byte> signature)
    {
        try
        {
            return Verify(dg15, dg14, challenge, signature);
        }
        catch (Exception ex) when (ex is FormatException or AsnContentException or CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    public static bool Verify(byte[] dg15, byte[]? dg14, ReadOnlySpan<byte> challenge, ReadOnlySpan<byte> signature)
    {
        var spki = SubjectPublicKeyInfo(dg15);
        switch (KeyAlgorithm(dg15))
        {
            case RsaEncryption:
            {
                using var rsa = RSA.Create();
                rsa.ImportSubjectPublicKeyInfo(spki, out _);
                return Iso9796Part2.Verify(rsa.ExportParameters(false), challenge, signature);
            }

            case EcPublicKey:
            {
                using var ecdsa = ECDsa.Create();
                ecdsa.ImportSubjectPublicKeyInfo(spki, out _);
                return ecdsa.VerifyData(challenge, signature, EcdsaHash(dg14), DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            }

            default:
                return false;
        }
    }

    /// <summary>DG15 = 6F { SubjectPublicKeyInfo } (Doc 9303-10 §4.7.15).</summary>
    public static byte[] SubjectPublicKeyInfo(ReadOnlyMemory<byte> dg15)
    {
        var outer = BerTlv.Read(dg15);
        return outer.Tag == LdsFiles.DataGroupTag(15) ? outer.Value.ToArray() : throw new FormatException("DG15 must start with tag 6F.");
    }

    public static byte[] Encode(ReadOnlySpan<byte> subjectPublicKeyInfo) => BerTlv.Encode(LdsFiles.DataGroupTag(15), subjectPublicKeyInfo);

    private static string? KeyAlgorithm(byte[] dg15)
    {
        try
        {
            var spki = new AsnReader(SubjectPublicKeyInfo(dg15), AsnEncodingRules.DER).ReadSequence();
            return spki.ReadSequence().ReadObjectIdentifier();
        }
        catch (Exception ex) when (ex is FormatException or AsnContentException)
        {
            return null;
        }
    }

    private static HashAlgorithmName EcdsaHash(byte[]? dg14)
    {
        if (dg14 is null)
        {
            return HashAlgorithmName.SHA256;
        }

        var info = SecurityInfos.Parse(dg14).FirstOrDefault(i => i.Protocol == SecurityInfos.ActiveAuthenticationInfo);
        return info?.Parameter switch
        {
            "1.2.840.10045.4.1" => HashAlgorithmName.SHA1,
            "1.2.840.10045.4.3.3" => HashAlgorithmName.SHA384,
            "1.2.840.10045.4.3.4" => HashAlgorithmName.SHA512,
            _ => HashAlgorithmName.SHA256,
        };
    }
}
