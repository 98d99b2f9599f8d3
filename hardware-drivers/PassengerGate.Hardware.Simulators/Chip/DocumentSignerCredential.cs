using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PassengerGate.Hardware.Simulators.Chip;

/// <summary>A Document Signer certificate and its private key (kept apart: explicit-parameter keys cannot be attached to the certificate).</summary>
public sealed class DocumentSignerCredential(X509Certificate2 certificate, AsymmetricAlgorithm privateKey) : IDisposable
{
    public X509Certificate2 Certificate { get; } = certificate;

    public AsymmetricAlgorithm PrivateKey { get; } = privateKey;

    public void Dispose()
    {
        Certificate.Dispose();
        PrivateKey.Dispose();
    }
}
