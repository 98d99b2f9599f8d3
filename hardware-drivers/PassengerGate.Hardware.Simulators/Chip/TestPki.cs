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
        Csca = csca;
        _key = key;
        Algorithm = algorithm;
    }

    /// <summary>The CSCA certificate with its private key.</summary>
    public X509Certificate2 Csca { get; }

    public TestSignatureAlgorithm Algorithm { get; }

    public string Country { get; }

    /// <summary>The CSCA certificate alone (no private key), as a country would publish it.</summary>
    public X509Certificate2 CscaCertificate => X509CertificateLoader.LoadCertificate(Csca.RawData);

    public static TestPki Create(string country, DateTimeOffset notBefore, TestSignatureAlgorithm algorithm = TestSignatureAlgorithm.EcdsaP256)
    {
        var name = new X500DistinguishedName($"C={country}, O=PassengerGate Test, OU=Country Signing CA, CN=PassengerGate Test CSCA {country}");
        var key = NewKey(algorithm);
        var request = Request(name, key, algorithm);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var csca = request.CreateSelfSigned(notBefore, notBefore.AddYears(20));
        return new TestPki(country, csca, key, algorithm);
    }

    /// <summary>Issues a Document Signer certificate (with its private key) valid over the given period.</summary>
    public X509Certificate2 IssueDocumentSigner(DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var key = NewKey(Algorithm);
        var request = Request(new X500DistinguishedName($"C={Country}, O=PassengerGate Test, OU=Document Signer, CN=PassengerGate Test DS {_nextSerial}"), key, Algorithm);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Csca, true, false));
        var serial = BitConverter.GetBytes(_nextSerial++);
        Array.Reverse(serial);
        using var issued = request.Create(Csca, notBefore, notAfter, serial);
        return key switch
        {
            RSA rsa => issued.CopyWithPrivateKey(rsa),
            ECDsa ecdsa => issued.CopyWithPrivateKey(ecdsa),
            _ => throw new InvalidOperationException("Unexpected key type."),
        };
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
            Csca,
            BigInteger.One,
            thisUpdate.AddDays(90),
            HashAlgorithmName.SHA256,
            Algorithm == TestSignatureAlgorithm.EcdsaP256 ? null : RSASignaturePadding.Pkcs1,
            thisUpdate);
    }

    public void Dispose()
    {
        Csca.Dispose();
        _key.Dispose();
    }

    private static AsymmetricAlgorithm NewKey(TestSignatureAlgorithm algorithm) => algorithm == TestSignatureAlgorithm.EcdsaP256
        ? ECDsa.Create(ECCurve.NamedCurves.nistP256)
        : RSA.Create(2048);

    private static CertificateRequest Request(X500DistinguishedName name, AsymmetricAlgorithm key, TestSignatureAlgorithm algorithm) => key switch
    {
        ECDsa ecdsa => new CertificateRequest(name, ecdsa, HashAlgorithmName.SHA256),
        RSA rsa => new CertificateRequest(name, rsa, HashAlgorithmName.SHA256, algorithm == TestSignatureAlgorithm.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1),
        _ => throw new InvalidOperationException("Unexpected key type."),
    };
}
