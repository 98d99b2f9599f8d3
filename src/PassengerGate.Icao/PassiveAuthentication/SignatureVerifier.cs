using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Security;

namespace PassengerGate.Icao.PassiveAuthentication;

/// <summary>
/// Verifies the signature of a certificate or CRL (SEQUENCE { tbs, signatureAlgorithm, signatureValue }) with an
/// issuer's public key, by hand: X509Chain throws on the explicit EC parameters ICAO 9303-12 mandates (tech.md §2.5).
/// Supports RSA PKCS#1 v1.5, RSASSA-PSS (salt = hash length, MGF1 with the same hash) and ECDSA with SHA-1/2.
/// </summary>
public static class SignatureVerifier
{
    public static bool VerifySignedStructure(ReadOnlyMemory<byte> signedDer, X509Certificate2 issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        try
        {
            var outer = new AsnReader(signedDer, AsnEncodingRules.DER).ReadSequence();
            var tbs = outer.ReadEncodedValue();
            var algorithm = outer.ReadSequence();
            var oid = algorithm.ReadObjectIdentifier();
            var parameters = algorithm.HasData ? algorithm.ReadEncodedValue() : ReadOnlyMemory<byte>.Empty;
            var signature = outer.ReadBitString(out _);
            return Verify(oid, parameters, tbs.Span, signature, issuer);
        }
        catch (Exception ex) when (ex is AsnContentException or CryptographicException or FormatException)
        {
            return false;
        }
    }

    private static bool Verify(string oid, ReadOnlyMemory<byte> parameters, ReadOnlySpan<byte> data, byte[] signature, X509Certificate2 issuer)
    {
        switch (oid)
        {
            case "1.2.840.113549.1.1.5":
                return VerifyRsa(issuer, data, signature, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
            case "1.2.840.113549.1.1.11":
                return VerifyRsa(issuer, data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            case "1.2.840.113549.1.1.12":
                return VerifyRsa(issuer, data, signature, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1);
            case "1.2.840.113549.1.1.13":
                return VerifyRsa(issuer, data, signature, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1);
            case "1.2.840.113549.1.1.10":
                return VerifyRsa(issuer, data, signature, PssHash(parameters), RSASignaturePadding.Pss);
            case "1.2.840.10045.4.1":
                return VerifyEcdsa(issuer, Digest("SHA-1", data), signature);
            case "1.2.840.10045.4.3.1":
                return VerifyEcdsa(issuer, Digest("SHA-224", data), signature);
            case "1.2.840.10045.4.3.2":
                return VerifyEcdsa(issuer, Digest("SHA-256", data), signature);
            case "1.2.840.10045.4.3.3":
                return VerifyEcdsa(issuer, Digest("SHA-384", data), signature);
            case "1.2.840.10045.4.3.4":
                return VerifyEcdsa(issuer, Digest("SHA-512", data), signature);
            default:
                return false;
        }
    }

    private static bool VerifyRsa(X509Certificate2 issuer, ReadOnlySpan<byte> data, byte[] signature, HashAlgorithmName hash, RSASignaturePadding padding)
    {
        using var rsa = issuer.GetRSAPublicKey();
        return rsa is not null && rsa.VerifyData(data, signature, hash, padding);
    }

    private static bool VerifyEcdsa(X509Certificate2 issuer, byte[] digest, byte[] signature)
    {
        using var ecdsa = issuer.GetECDsaPublicKey();
        return ecdsa is not null && ecdsa.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence);
    }

    private static byte[] Digest(string name, ReadOnlySpan<byte> data) => DigestUtilities.CalculateDigest(name, data.ToArray());

    /// <summary>RSASSA-PSS-params (RFC 4055 §3.1): hashAlgorithm [0] defaults to SHA-1.</summary>
    private static HashAlgorithmName PssHash(ReadOnlyMemory<byte> parameters)
    {
        if (parameters.IsEmpty)
        {
            return HashAlgorithmName.SHA1;
        }

        var sequence = new AsnReader(parameters, AsnEncodingRules.DER).ReadSequence();
        if (!sequence.HasData || !sequence.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
        {
            return HashAlgorithmName.SHA1;
        }

        var hashOid = sequence.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence().ReadObjectIdentifier();
        return hashOid switch
        {
            "2.16.840.1.101.3.4.2.1" => HashAlgorithmName.SHA256,
            "2.16.840.1.101.3.4.2.2" => HashAlgorithmName.SHA384,
            "2.16.840.1.101.3.4.2.3" => HashAlgorithmName.SHA512,
            _ => HashAlgorithmName.SHA1,
        };
    }
}
