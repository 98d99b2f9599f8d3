using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using PassengerGate.Contracts;
using PassengerGate.Data.Audit;
using PassengerGate.Data.Staff;
using PassengerGate.Domain.Audit;
using PassengerGate.Domain.Staff;
using PassengerGate.Server.Tests.Support;
using System.Net;
using System.Net.Sockets;
using PassengerGate.Data.Kiosks;
using PassengerGate.Domain.Kiosks;
using PassengerGate.Server;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.Support;

/// <summary>
/// The real passenger service on Kestrel, on a loopback port, with a real PostgreSQL database and a
/// CSCA trust folder of its own. Can be stopped and started again on the same port and database.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private WebApplication? _app;

    private RunningServer(string connectionString, int port, string trustFolder)
    {
        ConnectionString = connectionString;
        Port = port;
        TrustFolder = trustFolder;
    }

    public string ConnectionString { get; }

    public int Port { get; }

    /// <summary>The service's CSCA trust-list folder (Documents:TrustListPath); kiosks' simulated CSCAs go here.</summary>
    public string TrustFolder { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("not running");

    public static async Task<RunningServer> StartAsync(string connectionString)
    {
        var trust = Directory.CreateTempSubdirectory("pgate-trust-").FullName;
        var server = new RunningServer(connectionString, FreePort(), trust);
        await server.StartAsync();
        // Without risk rules and a selection seed the service refers everyone (fail-safe); these
        // tests follow a passenger's own inputs, so no random selection (rate 0).
        await RiskSetup.InstallAsync(server.Services, randomRate: 0.0);
        return server;
    }

    public async Task StartAsync()
    {
        _app = PassengerGateServer.Build(
            [$"--urls=http://127.0.0.1:{Port}"],
            TimeProvider.System,
            b =>
            {
                b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["ConnectionStrings:PassengerGate"] = ConnectionString,
                    ["Documents:TrustListPath"] = TrustFolder,
                    // Run mode's synthetic passengers include ICAO's specimen state Utopia (decision 0017).
                    ["Declarations:SpecimenStates"] = "UTO",
                });
                b.Logging.SetMinimumLevel(LogLevel.Warning);
            });
        await _app.StartAsync();
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

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(TrustFolder, recursive: true);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An officer console's hub connection, signed in through the real form as a new officer of <paramref name="airport"/>.</summary>
    public Task<HubConnection> SignedInOfficerConnectionAsync(string userName, string airport = "NRT") =>
        SignedInStaffConnectionAsync(userName, StaffRole.Officer, airport);

    /// <summary>The staff hub connection of a new account of <paramref name="role"/>, signed in through the real form.</summary>
    public async Task<HubConnection> SignedInStaffConnectionAsync(string userName, StaffRole role, string airport = "NRT")
    {
        var password = StaffPasswords.Generate();
        var now = TimeProvider.System.GetUtcNow();
        await Services.GetRequiredService<StaffStore>().CreateAsync(
            new StaffStore.NewAccount(userName, role.Name(), airport, null, StaffPasswords.Hash(password), now),
            new AuditRecord(now, "cli:test", AuditActorKinds.Cli, AuditActions.UserCreated, "staff:" + userName, airport, new { role = role.Name() }),
            default);
        using var http = StaffSession.Client(BaseAddress, null);
        var (response, session) = await StaffSession.SignInAsync(http, userName, password);
        Assert.True(StaffSession.IsRedirectTo(response, "/staff/"), $"sign-in of {userName} answered {(int)response.StatusCode}");
        return new HubConnectionBuilder().WithUrl(new Uri(BaseAddress, HubPaths.Officer), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.Headers["Cookie"] = session.CookieHeader;
        }).Build();
    }
}
