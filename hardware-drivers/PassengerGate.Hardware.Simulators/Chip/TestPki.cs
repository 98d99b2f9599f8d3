using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PassengerGate.Hardware.Simulators.Chip;

/// <summary>
/// A throw-away Country Signing CA for simulated passports (Doc 9303-12 §7: self-signed CSCA, Document Signer
/// certificates issued by it, CRLs signed by it). Only the CSCA certificate is meant to leave: trust it in tests
/// and in the server's trust-list folder.
/// </summary>
public sealed class TestPki : IDisposable
{
    private readonly AsymmetricAlgorithm _key;
    private long _nextSerial = 0x1000;

    private TestPki(string country, X509Certificate2 csca, AsymmetricAlgorithm key, TestSignatureAlgorithm algorithm)
    {
        Country = country;
        CscaCertificate = csca;
        _key = key;
        Algorithm = algorithm;
    }

    public TestSignatureAlgorithm Algorithm { get; }

    /// <summary>ISO 3166 alpha-2 code in the certificates' C= attribute.</summary>
    public string Country { get; }

    /// <summary>The CSCA certificate alone (no private key), as a country would publish it.</summary>
    public X509Certificate2 CscaCertificate { get; }

    public static TestPki Create(string country, DateTimeOffset notBefore, TestSignatureAlgorithm algorithm = TestSignatureAlgorithm.EcdsaP256)
    {
        var name = new X500DistinguishedName($"C={country}, O=PassengerGate Test, OU=Country Signing CA, CN=PassengerGate Test CSCA {country}");
        var key = NewKey(algorithm);
        var request = Request(name, key, algorithm);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var csca = request.Create(name, Generator(key, algorithm), notBefore, notBefore.AddYears(20), [0x01]);
        return new TestPki(country, csca, key, algorithm);
    }

    /// <summary>Issues a Document Signer certificate valid over the given period, with its private key.</summary>
    public DocumentSignerCredential IssueDocumentSigner(DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var key = NewKey(Algorithm);
        var request = Request(new X500DistinguishedName($"C={Country}, O=PassengerGate Test, OU=Document Signer, CN=PassengerGate Test DS {_nextSerial}"), key, Algorithm);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(CscaCertificate, true, false));
        var serial = BitConverter.GetBytes(_nextSerial++);
        Array.Reverse(serial);
        var certificate = request.Create(CscaCertificate.SubjectName, Generator(_key, Algorithm), notBefore, notAfter, serial);
        return new DocumentSignerCredential(certificate, key);
    }

    /// <summary>A CRL signed by the CSCA listing the given certificates as revoked at <paramref name="thisUpdate"/>.</summary>
    public byte[] IssueCrl(IEnumerable<X509Certificate2> revoked, DateTimeOffset thisUpdate)
    {
        ArgumentNullException.ThrowIfNull(revoked);
        var builder = new CertificateRevocationListBuilder();
        foreach (var certificate in revoked)
        {
            builder.AddEntry(certificate, thisUpdate);
        }

        return builder.Build(
            CscaCertificate.SubjectName,
            Generator(_key, Algorithm),
            BigInteger.One,
            thisUpdate.AddDays(90),
            HashAlgorithmName.SHA256,
            X509AuthorityKeyIdentifierExtension.CreateFromCertificate(CscaCertificate, true, false),
            thisUpdate);
    }

    public void Dispose()
    {
        CscaCertificate.Dispose();
        _key.Dispose();
    }

    private static AsymmetricAlgorithm NewKey(TestSignatureAlgorithm algorithm) => algorithm switch
    {
        TestSignatureAlgorithm.EcdsaP256 => ECDsa.Create(ECCurve.NamedCurves.nistP256),
        TestSignatureAlgorithm.EcdsaBrainpoolP256Explicit => ECDsa.Create(ECCurve.NamedCurves.brainpoolP256r1),
        _ => RSA.Create(2048),
    };

    private static X509SignatureGenerator Generator(AsymmetricAlgorithm key, TestSignatureAlgorithm algorithm) => key switch
    {
        ECDsa ecdsa => X509SignatureGenerator.CreateForECDsa(ecdsa),
        RSA rsa => X509SignatureGenerator.CreateForRSA(rsa, algorithm == TestSignatureAlgorithm.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1),
        _ => throw new InvalidOperationException("Unexpected key type."),
    };

    private static CertificateRequest Request(X500DistinguishedName name, AsymmetricAlgorithm key, TestSignatureAlgorithm algorithm) => key switch
    {
        ECDsa ecdsa when algorithm == TestSignatureAlgorithm.EcdsaBrainpoolP256Explicit => new CertificateRequest(name, ExplicitPublicKey(ecdsa), HashAlgorithmName.SHA256),
        ECDsa ecdsa => new CertificateRequest(name, ecdsa, HashAlgorithmName.SHA256),
        RSA rsa => new CertificateRequest(name, rsa, HashAlgorithmName.SHA256, algorithm == TestSignatureAlgorithm.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1),
        _ => throw new InvalidOperationException("Unexpected key type."),
    };

    /// <summary>
    /// SubjectPublicKeyInfo with SpecifiedECDomain parameters (RFC 3279 §2.3.5: version 1, prime field, curve a/b,
    /// base point, order, cofactor), which CertificateRequest will not write from an ECDsa key itself.
    /// </summary>
    private static PublicKey ExplicitPublicKey(ECDsa key)
    {
        var p = key.ExportExplicitParameters(false);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(1);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("1.2.840.10045.1.1");
                writer.WriteIntegerUnsigned(p.Curve.Prime);
            }

            using (writer.PushSequence())
            {
                writer.WriteOctetString(p.Curve.A);
                writer.WriteOctetString(p.Curve.B);
            }

            writer.WriteOctetString([0x04, .. p.Curve.G.X!, .. p.Curve.G.Y!]);
            writer.WriteIntegerUnsigned(p.Curve.Order);
            writer.WriteIntegerUnsigned(p.Curve.Cofactor);
        }

        return new PublicKey(new Oid("1.2.840.10045.2.1"), new AsnEncodedData(writer.Encode()), new AsnEncodedData((byte[])[0x04, .. p.Q.X!, .. p.Q.Y!]));
    }
}
