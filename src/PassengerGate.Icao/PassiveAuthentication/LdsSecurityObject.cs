using System.Formats.Asn1;
using System.Security.Cryptography;
using Org.BouncyCastle.Security;

namespace PassengerGate.Icao.PassiveAuthentication;

/// <summary>
/// LDSSecurityObject ::= SEQUENCE { version, hashAlgorithm, dataGroupHashValues SEQUENCE OF { dataGroupNumber, dataGroupHashValue },
/// ldsVersionInfo OPTIONAL } (Doc 9303-10 §4.6.2.2; pymrtd sod.py).
/// </summary>
public sealed record LdsSecurityObject(int Version, string HashAlgorithmOid, IReadOnlyDictionary<int, byte[]> DataGroupHashes)
{
    public const string ContentType = "2.23.136.1.1.1";

    /// <summary>Hash algorithm display name (SHA-1, SHA-224, SHA-256, SHA-384, SHA-512), or null when not supported.</summary>
    public string? HashAlgorithmName => HashAlgorithmOid switch
    {
        "1.3.14.3.2.26" => "SHA-1",
        "2.16.840.1.101.3.4.2.4" => "SHA-224",
        "2.16.840.1.101.3.4.2.1" => "SHA-256",
        "2.16.840.1.101.3.4.2.2" => "SHA-384",
        "2.16.840.1.101.3.4.2.3" => "SHA-512",
        _ => null,
    };

    public static LdsSecurityObject Parse(ReadOnlyMemory<byte> content)
    {
        try
        {
            var reader = new AsnReader(content, AsnEncodingRules.BER);
            var sequence = reader.ReadSequence();
            var version = (int)sequence.ReadInteger();
            var algorithm = sequence.ReadSequence().ReadObjectIdentifier();
            var hashes = new SortedDictionary<int, byte[]>();
            var list = sequence.ReadSequence();
            while (list.HasData)
            {
                var item = list.ReadSequence();
                var number = (int)item.ReadInteger();
                hashes[number] = item.ReadOctetString();
            }

            return new LdsSecurityObject(version, algorithm, hashes);
        }
        catch (Exception ex) when (ex is AsnContentException or InvalidCastException or OverflowException)
        {
            throw new FormatException("The LDS security object is not valid ASN.1.", ex);
        }
    }

    public byte[] Hash(ReadOnlySpan<byte> data) => HashAlgorithmName switch
    {
#pragma warning disable CA5350 // Older passports sign SHA-1 data group hashes; verification must still read them.
        "SHA-1" => SHA1.HashData(data),
#pragma warning restore CA5350
        "SHA-224" => DigestUtilities.CalculateDigest("SHA-224", data.ToArray()),
        "SHA-256" => SHA256.HashData(data),
        "SHA-384" => SHA384.HashData(data),
        "SHA-512" => SHA512.HashData(data),
        _ => throw new NotSupportedException($"Hash algorithm {HashAlgorithmOid} is not supported."),
    };

    public byte[] Encode()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(Version);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(HashAlgorithmOid);
            }

            using (writer.PushSequence())
            {
                foreach (var (number, hash) in DataGroupHashes.OrderBy(p => p.Key))
                {
                    using (writer.PushSequence())
                    {
                        writer.WriteInteger(number);
                        writer.WriteOctetString(hash);
                    }
                }
            }
        }

        return writer.Encode();
    }
}
