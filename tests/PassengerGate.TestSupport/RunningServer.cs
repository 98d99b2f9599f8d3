using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using PassengerGate.Contracts;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Data.Audit;
using PassengerGate.Data.Kiosks;
using PassengerGate.Data.Staff;
using PassengerGate.Domain.Audit;
using PassengerGate.Domain.Kiosks;
using PassengerGate.Domain.Staff;
using PassengerGate.Server;

using Xunit;

namespace PassengerGate.TestSupport;

/// <summary>
/// The real passenger service on Kestrel, on a loopback port, with a real PostgreSQL database.
/// Can be stopped and started again on the same port and database (restart tests). Plain HTTP on
/// loopback by default (development), or HTTPS with a certificate made for the test. An officer
/// account of NRT is signed in at start; <see cref="OfficerConnection"/> uses it. The one copy for every test project:
/// the service's own tests start it with <see cref="StartAsync"/>, the kiosk tests with <see cref="StartForKiosksAsync"/>.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private WebApplication? _app;

    private readonly Action<IDictionary<string, string?>>? _configure;

    private readonly TimeProvider _clock;

    public const string DefaultOfficer = "test-officer";

    private RunningServer(string connectionString, int port, Action<IDictionary<string, string?>>? configure, TestCertificate? certificate, TimeProvider? clock)
    {
        ConnectionString = connectionString;
        Port = port;
        _configure = configure;
        _clock = clock ?? TimeProvider.System;
        Certificate = certificate;
    }

    /// <summary>The service's CSCA trust-list folder (Documents:TrustListPath) when started for kiosks; their simulated CSCAs go here.</summary>
    public string? TrustFolder { get; private set; }

    /// <summary>The service's certificate when it runs HTTPS; null on plain loopback HTTP.</summary>
    public TestCertificate? Certificate { get; }

    /// <summary>The default officer (NRT), signed in when the server started.</summary>
    public StaffSession Officer { get; private set; } = null!;

    public string ConnectionString { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"{(Certificate is null ? "http" : "https")}://127.0.0.1:{Port}");

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("not running");

    /// <param name="clock">The service's clock; the real one unless a test sets the time of day.</param>
    /// <param name="activeLiveness">
    /// The service's active liveness challenge (Face:ActiveLiveness, on in production, decision 0010). Off here unless a
    /// test is about it: tests of other behaviours must not depend on many frames of face analysis on a busy machine.
    /// </param>
    public static async Task<RunningServer> StartAsync(string connectionString, int? port = null, Action<IDictionary<string, string?>>? configure = null, bool https = false, TimeProvider? clock = null, bool activeLiveness = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = new RunningServer(connectionString, port ?? FreePort(), WithLiveness(activeLiveness, configure), https ? TestCertificate.Create() : null, clock);
            try
            {
                await server.StartAsync();
                return server;
            }
            catch (IOException ex) when (port is null && attempt < 5 && ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                // Another process took the port between FreePort and Kestrel's bind: pick another.
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The service as the kiosk tests need it: a CSCA trust folder of its own, ICAO's specimen state Utopia accepted (the
    /// kiosks' synthetic passengers, decision 0017), and risk rules with no random selection — without rules and a
    /// selection seed the service refers everyone (fail-safe), and these tests follow a passenger's own inputs.
    /// </summary>
    /// <param name="https">Serve over HTTPS with a test certificate (a staff page in Chromium needs it for its __Host- cookie).</param>
    public static async Task<RunningServer> StartForKiosksAsync(string connectionString, Action<IDictionary<string, string?>>? configure = null, bool https = false, bool activeLiveness = false)
    {
        var trust = Directory.CreateTempSubdirectory("pgate-trust-").FullName;
        var server = await StartAsync(connectionString, activeLiveness: activeLiveness, configure: settings =>
        {
            settings["Documents:TrustListPath"] = trust;
            settings["Declarations:SpecimenStates"] = "UTO";
            configure?.Invoke(settings);
        }, https: https);
        server.TrustFolder = trust;
        await RiskSetup.InstallAsync(server.Services, randomRate: 0.0);
        return server;
    }

    private static Action<IDictionary<string, string?>> WithLiveness(bool activeLiveness, Action<IDictionary<string, string?>>? configure) =>
        settings =>
        {
            settings["Face:ActiveLiveness"] = activeLiveness ? "true" : "false";
            configure?.Invoke(settings);
        };

    public async Task StartAsync()
    {
        _app = PassengerGateServer.Build(
            [$"--urls={BaseAddress.GetLeftPart(UriPartial.Authority)}"],
            _clock,
            b =>
            {
                var settings = new Dictionary<string, string?> { ["ConnectionStrings:PassengerGate"] = ConnectionString };
                if (Certificate is not null)
                {
                    settings["Tls:CertificatePath"] = Certificate.CertificatePath;
                    settings["Tls:KeyPath"] = Certificate.KeyPath;
                }

                _configure?.Invoke(settings);
                b.Configuration.AddInMemoryCollection(settings);
                b.Logging.SetMinimumLevel(LogLevel.Warning);
            });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Assert.EndsWith($":{Port}", address, StringComparison.Ordinal);
        Officer = await SignInAsync(DefaultOfficer, await EnsureStaffAsync(DefaultOfficer, StaffRole.Officer, "NRT"));
    }

    private readonly Dictionary<string, string> _passwords = new(StringComparer.Ordinal);

    /// <summary>Creates a staff account directly in the database, as `pgate user add` does (once), and returns its password.</summary>
    public async Task<string> EnsureStaffAsync(string userName, StaffRole role, string airport)
    {
        if (_passwords.TryGetValue(userName, out var known))
        {
            return known;
        }

        var password = StaffPasswords.Generate();
        var now = TimeProvider.System.GetUtcNow();
        var created = await Services.GetRequiredService<StaffStore>().CreateAsync(
            new StaffStore.NewAccount(userName, role.Name(), airport, null, StaffPasswords.Hash(password), now),
            new AuditRecord(now, "cli:test", AuditActorKinds.Cli, AuditActions.UserCreated, "staff:" + userName, airport, new { role = role.Name() }),
            default);
        if (!created)
        {
            await Services.GetRequiredService<StaffStore>().ResetPasswordAsync(userName, StaffPasswords.Hash(password), new AuditRecord(now, "cli:test", AuditActorKinds.Cli, AuditActions.UserPasswordReset, "staff:" + userName, airport, new { }), default);
        }

        _passwords[userName] = password;
        return password;
    }

    /// <summary>An HttpClient for this server: no redirects followed, no cookies of its own, the test certificate trusted.</summary>
    public HttpClient HttpClient() => StaffSession.Client(BaseAddress, Certificate);

    /// <summary>Signs in through the real form and fails the test if that does not work.</summary>
    public async Task<StaffSession> SignInAsync(string userName, string password)
    {
        using var http = HttpClient();
        var (response, session) = await StaffSession.SignInAsync(http, userName, password);
        Assert.True(StaffSession.IsRedirectTo(response, "/staff/"), $"sign-in of {userName} answered {(int)response.StatusCode} {response.Headers.Location}");
        Assert.NotNull(session.StaffCookie);
        return session;
    }

    /// <summary>An HttpClient that sends the default officer's sign-in.</summary>
    public HttpClient StaffClient(StaffSession? as_ = null)
    {
        var http = HttpClient();
        http.DefaultRequestHeaders.Add("Cookie", (as_ ?? Officer).CookieHeader);
        return http;
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
    /// <param name="airport">The kiosk's airport (`pgate kiosk register --airport`); a currency declaration needs one.</param>
    public async Task<string> RegisterKioskAsync(string kioskId, string? airport = null)
    {
        var credential = KioskCredential.FromRandom(kioskId, System.Security.Cryptography.RandomNumberGenerator.GetBytes(KioskCredential.SecretBytes));
        var kiosks = Services.GetRequiredService<KioskStore>();
        if (airport is null)
        {
            await kiosks.RegisterAsync(kioskId, credential.SecretHash, "test", TimeProvider.System.GetUtcNow(), default);
        }
        else
        {
            await kiosks.RegisterAsync(kioskId, credential.SecretHash, "test", airport, TimeProvider.System.GetUtcNow(), default);
        }

        return credential.Token;
    }

    public HubConnection KioskConnection(string token, bool reconnect = false)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(BaseAddress, HubPaths.Kiosk), o =>
        {
            TrustCertificate(o);
            o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
        }).AddJsonProtocol(o => ContractJson.Configure(o.PayloadSerializerOptions));
        if (reconnect)
        {
            builder.WithAutomaticReconnect();
        }

        return builder.Build();
    }

    /// <summary>An officer console's connection, signed in as <paramref name="as_"/> (the default officer when null; anonymous with <paramref name="anonymous"/>).</summary>
    public HubConnection OfficerConnection(StaffSession? as_ = null, bool anonymous = false) =>
        new HubConnectionBuilder().WithUrl(new Uri(BaseAddress, HubPaths.Officer), o =>
        {
            TrustCertificate(o);
            o.Transports = HttpTransportType.WebSockets;
            if (!anonymous)
            {
                o.Headers["Cookie"] = (as_ ?? Officer).CookieHeader;
            }
        }).Build();

    private void TrustCertificate(HttpConnectionOptions options)
    {
        if (Certificate is not { } certificate)
        {
            return;
        }

        options.HttpMessageHandlerFactory = _ => certificate.Handler();
        options.WebSocketConfiguration = ws => ws.RemoteCertificateValidationCallback = (_, cert, _, errors) => certificate.Validate(cert, errors);
    }

    /// <summary>An officer console's hub connection, signed in through the real form as a new officer of <paramref name="airport"/>.</summary>
    public Task<HubConnection> SignedInOfficerConnectionAsync(string userName, string airport = "NRT") =>
        SignedInStaffConnectionAsync(userName, StaffRole.Officer, airport);

    /// <summary>The staff hub connection of an account of <paramref name="role"/>, signed in through the real form.</summary>
    public async Task<HubConnection> SignedInStaffConnectionAsync(string userName, StaffRole role, string airport = "NRT") =>
        OfficerConnection(await SignInAsync(userName, await EnsureStaffAsync(userName, role, airport)));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Certificate?.Dispose();
        if (TrustFolder is not null)
        {
            Directory.Delete(TrustFolder, recursive: true);
        }
    }

    /// <summary>
    /// A loopback port free right now, below the kernel's ephemeral range: a port the kernel handed out itself (bind to
    /// 0) can be handed out again as the local port of any outgoing connection before the caller binds it, which made
    /// a test fail with "address already in use" about once in a few hundred starts.
    /// </summary>
    public static int FreePort()
    {
        var (low, high) = EphemeralRange();
        var from = Math.Max(1024, low - 12000);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var candidate = Random.Shared.Next(from, low);
            if (candidate >= low && candidate <= high)
            {
                continue;
            }

            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, candidate);
                probe.Start();
                return candidate;
            }
            catch (SocketException)
            {
                // taken: try another
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static (int Low, int High) EphemeralRange()
    {
        try
        {
            var parts = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return (32768, 60999);
        }
    }
}
