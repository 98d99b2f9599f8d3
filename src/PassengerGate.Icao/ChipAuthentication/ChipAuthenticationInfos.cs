using System.Formats.Asn1;
using PassengerGate.Icao.Crypto;
using PassengerGate.Icao.Lds;

namespace PassengerGate.Icao.ChipAuthentication;

/// <summary>ChipAuthenticationInfo ::= SEQUENCE { protocol id-CA-*, version INTEGER, keyId INTEGER OPTIONAL } (Doc 9303-11 §9.2.5, TR-03110-3 App. A).</summary>
public sealed record ChipAuthenticationInfo(string Protocol, int Version, int? KeyId);

/// <summary>
/// ChipAuthenticationPublicKeyInfo ::= SEQUENCE { protocol id-PK-DH | id-PK-ECDH, chipAuthenticationPublicKey
/// SubjectPublicKeyInfo, keyId INTEGER OPTIONAL } (Doc 9303-11 §9.2.6, TR-03110-3 App. A).
/// </summary>
public sealed record ChipAuthenticationPublicKeyInfo(string Protocol, byte[] SubjectPublicKeyInfo, int? KeyId);

/// <summary>The Chip Authentication a DG14 offers and this terminal can run: protocol, cipher, key.</summary>
public sealed record ChipAuthenticationOffer(string Protocol, SecureMessagingAlgorithm Algorithm, ChipAuthenticationPublicKeyInfo PublicKey)
{
    /// <summary>3DES CA runs with MSE:Set KAT; AES CA with MSE:Set AT + GENERAL AUTHENTICATE (Doc 9303-11 §6.2.4).</summary>
    public bool UsesSetKat => Algorithm == SecureMessagingAlgorithm.TripleDes;
}

/// <summary>The Chip Authentication entries of DG14's SecurityInfos and the choice of one to run.</summary>
public static class ChipAuthenticationInfos
{
    public const string PkDh = "0.4.0.127.0.7.2.2.1.1";
    public const string PkEcdh = "0.4.0.127.0.7.2.2.1.2";
    public const string CaDh3Des = "0.4.0.127.0.7.2.2.3.1.1";
    public const string CaDhAes128 = "0.4.0.127.0.7.2.2.3.1.2";
    public const string CaDhAes192 = "0.4.0.127.0.7.2.2.3.1.3";
    public const string CaDhAes256 = "0.4.0.127.0.7.2.2.3.1.4";
    public const string CaEcdh3Des = "0.4.0.127.0.7.2.2.3.2.1";
    public const string CaEcdhAes128 = "0.4.0.127.0.7.2.2.3.2.2";
    public const string CaEcdhAes192 = "0.4.0.127.0.7.2.2.3.2.3";
    public const string CaEcdhAes256 = "0.4.0.127.0.7.2.2.3.2.4";

    private const string CaPrefix = "0.4.0.127.0.7.2.2.3.";

    public static SecureMessagingAlgorithm? AlgorithmOf(string protocol) => protocol switch
    {
        CaDh3Des or CaEcdh3Des => SecureMessagingAlgorithm.TripleDes,
        CaDhAes128 or CaEcdhAes128 => SecureMessagingAlgorithm.Aes128,
        CaDhAes192 or CaEcdhAes192 => SecureMessagingAlgorithm.Aes192,
        CaDhAes256 or CaEcdhAes256 => SecureMessagingAlgorithm.Aes256,
        _ => null,
    };

    public static IReadOnlyList<ChipAuthenticationInfo> Infos(ReadOnlyMemory<byte> dg14) =>
        [.. Elements(dg14).Where(e => e.Oid.StartsWith(CaPrefix, StringComparison.Ordinal) && AlgorithmOf(e.Oid) is not null).Select(ParseInfo)];

    public static IReadOnlyList<ChipAuthenticationPublicKeyInfo> PublicKeys(ReadOnlyMemory<byte> dg14) =>
        [.. Elements(dg14).Where(e => e.Oid is PkDh or PkEcdh).Select(ParsePublicKey)];

    /// <summary>
    /// The CA to run, or null when DG14 offers no Chip Authentication key. A key without a ChipAuthenticationInfo is
    /// CA with 3DES (Doc 9303-11 §9.2, TR-03110-1 v1.11 App. A.1.1: without the info, 3DES is assumed); with several keys the info's keyId picks one.
    /// </summary>
    public static ChipAuthenticationOffer? Choose(ReadOnlyMemory<byte> dg14)
    {
        var keys = PublicKeys(dg14);
        if (keys.Count == 0)
        {
            return null;
        }

        foreach (var info in Infos(dg14))
        {
            var isEcdh = info.Protocol.StartsWith(CaPrefix + "2.", StringComparison.Ordinal);
            var key = keys.FirstOrDefault(k => (k.Protocol == PkEcdh) == isEcdh && (info.KeyId is null || k.KeyId == info.KeyId));
            if (key is not null)
            {
                return new ChipAuthenticationOffer(info.Protocol, AlgorithmOf(info.Protocol)!.Value, key);
            }
        }

        var first = keys[0];
        return new ChipAuthenticationOffer(first.Protocol == PkEcdh ? CaEcdh3Des : CaDh3Des, SecureMessagingAlgorithm.TripleDes, first);
    }

    public static byte[] EncodeInfo(ChipAuthenticationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(info.Protocol);
            writer.WriteInteger(info.Version);
            if (info.KeyId is { } id)
            {
                writer.WriteInteger(id);
            }
        }

        return writer.Encode();
    }

    public static byte[] EncodePublicKey(ChipAuthenticationPublicKeyInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(info.Protocol);
            writer.WriteEncodedValue(info.SubjectPublicKeyInfo);
            if (info.KeyId is { } id)
            {
                writer.WriteInteger(id);
            }
        }

        return writer.Encode();
    }

    private static IEnumerable<(string Oid, ReadOnlyMemory<byte> Encoded)> Elements(ReadOnlyMemory<byte> dg14) =>
        SecurityInfos.Parse(dg14).Select(i => (i.Protocol, i.Encoded));

    private static ChipAuthenticationInfo ParseInfo((string Oid, ReadOnlyMemory<byte> Encoded) element) => Wrap(() =>
    {
        var sequence = new AsnReader(element.Encoded, AsnEncodingRules.BER).ReadSequence();
        var oid = sequence.ReadObjectIdentifier();
        var version = (int)sequence.ReadInteger();
        int? keyId = sequence.HasData && sequence.PeekTag().HasSameClassAndValue(Asn1Tag.Integer) ? (int)sequence.ReadInteger() : null;
        return new ChipAuthenticationInfo(oid, version, keyId);
    });

    private static ChipAuthenticationPublicKeyInfo ParsePublicKey((string Oid, ReadOnlyMemory<byte> Encoded) element) => Wrap(() =>
    {
        var sequence = new AsnReader(element.Encoded, AsnEncodingRules.BER).ReadSequence();
        var oid = sequence.ReadObjectIdentifier();
        var spki = sequence.ReadEncodedValue().ToArray();
        int? keyId = sequence.HasData && sequence.PeekTag().HasSameClassAndValue(Asn1Tag.Integer) ? (int)sequence.ReadInteger() : null;
        return new ChipAuthenticationPublicKeyInfo(oid, spki, keyId);
    });

    private static T Wrap<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception ex) when (ex is AsnContentException or OverflowException or InvalidOperationException)
        {
            throw new FormatException("A Chip Authentication SecurityInfo of DG14 is not valid ASN.1.", ex);
        }
    }
}
