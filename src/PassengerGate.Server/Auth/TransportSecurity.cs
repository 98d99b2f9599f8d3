using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace PassengerGate.Server.Auth;

/// <summary>
/// TLS from a configured certificate (Tls:CertificatePath with Tls:KeyPath for PEM, or a PFX with
/// Tls:CertificatePassword), and plain HTTP refused except on loopback during development: with no
/// certificate configured, or with Tls:AllowLoopbackHttp. Staff cookies are Secure, so a console
/// only works over HTTPS anyway; the refusal stops anything else from being served in clear.
/// </summary>
public static class TransportSecurity
{
    public static bool HasCertificate(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration?["Tls:CertificatePath"]);

    public static void ConfigureTls(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        if (!HasCertificate(configuration))
        {
            return;
        }

        var certificate = Load(configuration["Tls:CertificatePath"]!, configuration["Tls:KeyPath"], configuration["Tls:CertificatePassword"]);
        builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(h => h.ServerCertificate = certificate));
    }

    public static X509Certificate2 Load(string certificatePath, string? keyPath, string? password) =>
        string.IsNullOrWhiteSpace(keyPath)
            ? X509CertificateLoader.LoadPkcs12FromFile(certificatePath, password)
            : X509Certificate2.CreateFromPemFile(certificatePath, keyPath);

    public static IApplicationBuilder UsePlainHttpRefusal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var allowLoopback = !HasCertificate(app.Configuration) || app.Configuration.GetValue("Tls:AllowLoopbackHttp", false);
        if (HasCertificate(app.Configuration))
        {
            // HSTS is never sent for localhost/127.0.0.1 (the middleware's default exclusions).
            app.UseHsts();
        }

        return app.Use(async (context, next) =>
        {
            if (!context.Request.IsHttps
                && !(allowLoopback && context.Connection.LocalIpAddress is { } local && IPAddress.IsLoopback(local)))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync("HTTPS required.");
                return;
            }

            await next(context);
        });
    }
}
