using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PassengerGate.TestSupport;

/// <summary>
/// A self-signed TLS certificate for 127.0.0.1 made in the test, written as PEM for the service's
/// Tls:CertificatePath/Tls:KeyPath. Clients trust exactly this certificate (pinned by its raw
/// bytes); certificate validation is never switched off.
/// </summary>
public sealed class TestCertificate : IDisposable
{
    private TestCertificate(X509Certificate2 certificate, string folder)
    {
        Certificate = certificate;
        Folder = folder;
        CertificatePath = Path.Combine(folder, "service.crt");
        KeyPath = Path.Combine(folder, "service.key");
    }

    public X509Certificate2 Certificate { get; }

    public string Folder { get; }

    public string CertificatePath { get; }

    public string KeyPath { get; }

    public static TestCertificate Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = TimeProvider.System.GetUtcNow();
        var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(2));
        var folder = Directory.CreateTempSubdirectory("pgate-tls-").FullName;
        var result = new TestCertificate(certificate, folder);
        File.WriteAllText(result.CertificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(result.KeyPath, key.ExportPkcs8PrivateKeyPem());
        return result;
    }

    /// <summary>Accepts the pinned certificate and nothing else that the system would not accept anyway.</summary>
    public bool Validate(X509Certificate? presented, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None
        || (presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(Certificate.RawData));

    public HttpClientHandler Handler() => new()
    {
        ServerCertificateCustomValidationCallback = (_, cert, _, errors) => Validate(cert, errors),
    };

    public void Dispose()
    {
        Certificate.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
