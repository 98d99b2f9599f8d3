using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace PassengerGate.KioskShell.Service;

/// <summary>
/// How the kiosk trusts the service's TLS certificate: the system's trust store, plus, when
/// Kiosk:ServiceCertificateFile names a PEM or DER certificate (a local CA or the service's own
/// self-signed certificate, as deploy/run.sh makes), chains built to that certificate as the only
/// extra root. Validation is never switched off, and the host name must still match.
/// </summary>
public static class ServiceTrust
{
    public static RemoteCertificateValidationCallback? Callback(KioskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ServiceCertificateFile))
        {
            return null;
        }

        var anchor = X509CertificateLoader.LoadCertificateFromFile(options.ServiceCertificateFile);
        return (_, certificate, _, errors) =>
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(anchor);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            using var presented = new X509Certificate2(certificate);
            return chain.Build(presented);
        };
    }

    /// <summary>An HTTP handler for calls to the service that applies <see cref="Callback"/>.</summary>
    public static HttpMessageHandler Handler(KioskOptions options)
    {
        var callback = Callback(options);
        var handler = new SocketsHttpHandler();
        if (callback is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = callback;
        }

        return handler;
    }
}
