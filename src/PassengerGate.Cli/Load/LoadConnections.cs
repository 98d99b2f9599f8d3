using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PassengerGate.Contracts;
using PassengerGate.Contracts.Kiosk;

namespace PassengerGate.Cli.Load;

/// <summary>
/// Hub connections as a kiosk and a console make them: WebSockets only, the service's self-signed certificate
/// trusted exactly (no "accept anything"), the chosen protocol. One HTTP handler factory for the phone page's calls.
/// </summary>
public sealed class LoadConnections(LoadOptions options)
{
    private readonly X509Certificate2? _service = options.ServiceCertificateFile is { } file ? X509CertificateLoader.LoadCertificateFromFile(file) : null;

    public HubConnection Kiosk(string token) => Build(HubPaths.Kiosk, o => o.AccessTokenProvider = () => Task.FromResult<string?>(token));

    public HubConnection Officer(string cookieHeader) => Build(HubPaths.Officer, o => o.Headers["Cookie"] = cookieHeader);

    public HttpClient Http() => new(Handler()) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };

    public HttpClientHandler Handler()
    {
        var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        if (_service is { } certificate)
        {
            handler.ServerCertificateCustomValidationCallback = (_, presented, _, errors) => Trusted(certificate, presented, errors);
        }

        return handler;
    }

    private HubConnection Build(string path, Action<Microsoft.AspNetCore.Http.Connections.Client.HttpConnectionOptions> configure)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(options.Url, path), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            if (_service is { } certificate)
            {
                o.HttpMessageHandlerFactory = _ => Handler();
                o.WebSocketConfiguration = ws => ws.RemoteCertificateValidationCallback = (_, presented, _, errors) => Trusted(certificate, presented, errors);
            }

            configure(o);
        });
        if (options.Protocol == LoadProtocol.MessagePack)
        {
            builder.AddMessagePackProtocol();
        }
        else
        {
            builder.AddJsonProtocol(o => ContractJson.Configure(o.PayloadSerializerOptions));
        }

        builder.Services.Configure<HubConnectionOptions>(o => o.ServerTimeout = TimeSpan.FromMinutes(2));
        return builder.Build();
    }

    /// <summary>The chain fails only because the certificate is self-signed: accept exactly the service's own one.</summary>
    private static bool Trusted(X509Certificate2 expected, X509Certificate? presented, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None || (presented is not null && presented.GetCertHashString() == expected.GetCertHashString());
}
