using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using PassengerGate.Contracts;
using PassengerGate.Data.Kiosks;
using PassengerGate.Domain.Kiosks;
using PassengerGate.Server;

namespace PassengerGate.Server.Tests.Support;

/// <summary>
/// The real passenger service on Kestrel, on a loopback port, with a real PostgreSQL database.
/// Can be stopped and started again on the same port and database (restart tests).
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private WebApplication? _app;

    private readonly Action<IDictionary<string, string?>>? _configure;

    private readonly TimeProvider _clock;

    private RunningServer(string connectionString, int port, Action<IDictionary<string, string?>>? configure, TimeProvider? clock)
    {
        ConnectionString = connectionString;
        Port = port;
        _configure = configure;
        _clock = clock ?? TimeProvider.System;
    }

    public string ConnectionString { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("not running");

    /// <param name="clock">The service's clock; the real one unless a test sets the time of day (e.g. a FakeTimeProvider).</param>
    public static async Task<RunningServer> StartAsync(string connectionString, int? port = null, Action<IDictionary<string, string?>>? configure = null, TimeProvider? clock = null)
    {
        var server = new RunningServer(connectionString, port ?? FreePort(), configure, clock);
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        _app = PassengerGateServer.Build(
            [$"--urls=http://127.0.0.1:{Port}"],
            _clock,
            b =>
            {
                var settings = new Dictionary<string, string?> { ["ConnectionStrings:PassengerGate"] = ConnectionString };
                _configure?.Invoke(settings);
                b.Configuration.AddInMemoryCollection(settings);
                b.Logging.SetMinimumLevel(LogLevel.Warning);
            });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Assert.EndsWith($":{Port}", address, StringComparison.Ordinal);
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    /// <summary>Registers a kiosk directly in the database, as `pgate kiosk register` does, and returns its token.</summary>
    public async Task<string> RegisterKioskAsync(string kioskId)
    {
        var credential = KioskCredential.FromRandom(kioskId, System.Security.Cryptography.RandomNumberGenerator.GetBytes(KioskCredential.SecretBytes));
        await Services.GetRequiredService<KioskStore>().RegisterAsync(kioskId, credential.SecretHash, "test", TimeProvider.System.GetUtcNow(), default);
        return credential.Token;
    }

    public HubConnection KioskConnection(string token, bool reconnect = false)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(BaseAddress, HubPaths.Kiosk), o =>
        {
            o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
        });
        if (reconnect)
        {
            builder.WithAutomaticReconnect();
        }

        return builder.Build();
    }

    public HubConnection OfficerConnection() =>
        new HubConnectionBuilder().WithUrl(new Uri(BaseAddress, HubPaths.Officer), o => o.Transports = HttpTransportType.WebSockets).Build();

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
