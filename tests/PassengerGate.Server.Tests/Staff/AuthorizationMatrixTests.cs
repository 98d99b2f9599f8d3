using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Contracts.Officer;
using PassengerGate.Data.Kiosks;
using PassengerGate.Domain.Staff;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Staff;

/// <summary>
/// Every mapped endpoint and every officer hub method, asked by every kind of caller: anonymous,
/// a kiosk (its credential), each staff role of NRT, and an officer of another airport (KIX).
/// The expectations are the access rules of issue 9 written out by hand (the hub and console
/// policies in docs/decisions/0011), so an endpoint or hub method added without a decision here
/// fails <see cref="Every_mapped_endpoint_has_a_decision_in_the_matrix"/> or
/// <see cref="Every_officer_hub_method_has_a_decision_in_the_matrix"/>.
/// </summary>
public class AuthorizationMatrixTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    public enum Caller { Anonymous, Kiosk, Officer, Departure, Supervisor, Administrator, OtherAirportOfficer }

    private const int Denied401 = 401;
    private const int Denied403 = 403;

    private RunningServer _server = null!;
    private string _kioskToken = "";
    private readonly Dictionary<Caller, StaffSession> _sessions = [];
    private readonly Dictionary<Caller, string> _names = new()
    {
        [Caller.Officer] = "mx-officer",
        [Caller.Departure] = "mx-departure",
        [Caller.Supervisor] = "mx-supervisor",
        [Caller.Administrator] = "mx-admin",
        [Caller.OtherAirportOfficer] = "mx-kix-officer",
    };

    public async Task InitializeAsync()
    {
        // Many sign-ins from one address in a minute: the sign-in limit is tested on its own (StaffSignInTests).
        _server = await RunningServer.StartAsync(db.ConnectionString, configure: c => c["Staff:SignInAttemptsPerMinute"] = "1000");
        _kioskToken = await _server.RegisterKioskAsync("NRT-MX-1");
        foreach (var (caller, role, airport) in new[]
        {
            (Caller.Officer, StaffRole.Officer, "NRT"), (Caller.Departure, StaffRole.Departure, "NRT"), (Caller.Supervisor, StaffRole.Supervisor, "NRT"),
            (Caller.Administrator, StaffRole.Administrator, "NRT"), (Caller.OtherAirportOfficer, StaffRole.Officer, "KIX"),
        })
        {
            _sessions[caller] = await _server.SignInAsync(_names[caller], await _server.EnsureStaffAsync(_names[caller], role, airport));
        }
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Endpoint (method and route pattern as mapped) → the answer each caller must get.</summary>
    private static readonly Dictionary<string, Func<Caller, int>> EndpointRules = new(StringComparer.Ordinal)
    {
        // Public: the health probe, the API description, the phone pre-declaration API, the sign-in form's token and post.
        ["GET /health"] = _ => 200,
        ["GET /openapi/{documentName}.json"] = _ => 200,
        ["GET /api/predeclarations/keys"] = _ => 200,
        ["POST /api/predeclarations"] = _ => 400, // an empty declaration is refused on its content, never on who sends it
        ["POST /api/predeclarations/currency"] = _ => 400, // the same for a currency declaration made on the phone
        ["GET /api/predeclarations/{id:guid}/qr.png"] = _ => 404,
        ["GET /api/staff/antiforgery"] = _ => 200,
        ["POST /api/staff/sign-in"] = _ => 302, // wrong password: back to the form
        // The tax-free shop API: a shop's own API key only (TaxFreeShopApiTests covers shops); staff and kiosks have none.
        ["POST /api/taxfree/records"] = _ => Denied401,
        ["GET /api/taxfree/records/{recordId}"] = _ => Denied401,
        // Staff only, any role.
        ["GET /api/staff/me"] = c => Staff(c, Enum.GetValues<Caller>()),
        ["POST /api/staff/sign-out"] = c => Staff(c, Enum.GetValues<Caller>(), allowedStatus: 302),
        // Officer console (officers and supervisors); another airport's case is not found.
        ["GET /api/cases/{caseNumber:long}/duty-notice.pdf"] = c => Staff(c, [Caller.Officer, Caller.Supervisor, Caller.OtherAirportOfficer], allowedStatus: 404),
        // Detained goods: an empty form is refused on its content (400) for the case's airport; another airport's case is not found.
        ["POST /api/cases/{caseNumber:long}/detained-goods"] = c => c == Caller.OtherAirportOfficer ? 404 : Staff(c, [Caller.Officer, Caller.Supervisor], allowedStatus: 400),
        ["GET /api/cases/{caseNumber:long}/detained-goods-receipt.pdf"] = c => Staff(c, [Caller.Officer, Caller.Supervisor, Caller.OtherAirportOfficer], allowedStatus: 404),
        // The service's metrics (Prometheus scrape): supervisors and administrators, or a scraper's token (MetricsTests).
        ["GET /metrics"] = c => Staff(c, [Caller.Supervisor, Caller.Administrator]),
        // The audit trail: supervisors and administrators.
        ["GET /api/audit"] = c => Staff(c, [Caller.Supervisor, Caller.Administrator]),
        ["GET /api/audit.csv"] = c => Staff(c, [Caller.Supervisor, Caller.Administrator]),
        // Account administration: administrators.
        ["GET /api/staff/users/"] = c => Staff(c, [Caller.Administrator]),
        ["POST /api/staff/users/"] = c => Staff(c, [Caller.Administrator]),
        ["POST /api/staff/users/{userName}/disable"] = c => Staff(c, [Caller.Administrator]),
        ["POST /api/staff/users/{userName}/reset-password"] = c => Staff(c, [Caller.Administrator]),
        // Hubs (negotiate, then the connection itself): kiosks only on the kiosk hub; officers and supervisors on the officer hub.
        ["* /hubs/kiosk/negotiate"] = c => c == Caller.Kiosk ? 200 : Denied401,
        ["* /hubs/kiosk"] = c => c == Caller.Kiosk ? 200 : Denied401,
        ["* /hubs/officer/negotiate"] = c => Staff(c, [Caller.Officer, Caller.Supervisor, Caller.OtherAirportOfficer]),
        ["* /hubs/officer"] = c => Staff(c, [Caller.Officer, Caller.Supervisor, Caller.OtherAirportOfficer]),
        // The departure console (decision 0022): departure staff and supervisors; the export without a range is refused on its content.
        ["* /hubs/departure/negotiate"] = c => Staff(c, [Caller.Departure, Caller.Supervisor]),
        ["* /hubs/departure"] = c => Staff(c, [Caller.Departure, Caller.Supervisor]),
        ["GET /api/currency/export"] = c => Staff(c, [Caller.Departure, Caller.Supervisor], allowedStatus: 400),
        ["GET /api/currency/declarations/{id:long}/copy.pdf"] = c => Staff(c, [Caller.Departure, Caller.Supervisor], allowedStatus: 404),
        ["GET /api/currency/declarations/{id:long}/retention-receipt.pdf"] = c => Staff(c, [Caller.Departure, Caller.Supervisor], allowedStatus: 404),
        // The consumption-tax notice of a red-lane inspection (decision 0021): the departure console's callers; no such assessment here.
        ["GET /api/taxfree/assessments/{id:long}/notice.pdf"] = c => Staff(c, [Caller.Departure, Caller.Supervisor], allowedStatus: 404),
    };

    // Staff endpoints: no staff cookie (anonymous, or a kiosk's credential) is 401; a staff role not listed is 403.
    private static int Staff(Caller caller, Caller[] allowed, int allowedStatus = 200) =>
        caller is Caller.Anonymous or Caller.Kiosk ? Denied401 : allowed.Contains(caller) ? allowedStatus : Denied403;

    [Fact]
    public void Every_mapped_endpoint_has_a_decision_in_the_matrix()
    {
        var mapped = MappedEndpoints();
        Assert.Empty(mapped.Except(EndpointRules.Keys));
        Assert.Empty(EndpointRules.Keys.Except(mapped));
    }

    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_the_matrix_says()
    {
        var caseNumber = await ReferralAsync();
        var failures = new List<string>();
        foreach (var (endpoint, rule) in EndpointRules)
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                var status = await AskAsync(endpoint, caller, caseNumber);
                if (status != rule(caller))
                {
                    failures.Add($"{endpoint} as {caller}: {status}, expected {rule(caller)}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Every_officer_hub_method_has_a_decision_in_the_matrix()
    {
        var methods = typeof(IOfficerHub).GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name).ToHashSet();
        Assert.Equal(methods.Order(), HubRules.Keys.Order());
    }

    /// <summary>Officer hub method → (callers allowed to call it). Connecting is tested in the endpoint matrix.</summary>
    private static readonly Dictionary<string, Caller[]> HubRules = new(StringComparer.Ordinal)
    {
        [nameof(IOfficerHub.GetOpenReferrals)] = [Caller.Officer, Caller.Supervisor, Caller.OtherAirportOfficer],
        [nameof(IOfficerHub.GetKiosks)] = [Caller.Officer, Caller.Supervisor, Caller.OtherAirportOfficer],
        [nameof(IOfficerHub.DecideCase)] = [Caller.Officer, Caller.Supervisor, Caller.OtherAirportOfficer],
        [nameof(IOfficerHub.SetKioskInService)] = [Caller.Supervisor],
        // The officer console's case acts (OfficerConsoleFlowTests covers holders and airports); the dashboard and take-over are a supervisor's.
        [nameof(IOfficerHub.GetQueue)] = [Caller.Officer, Caller.Supervisor, Caller.OtherAirportOfficer],
        [nameof(IOfficerHub.ClaimCase)] = [Caller.Officer, Caller.Supervisor, Caller.OtherAirportOfficer],
        [nameof(IOfficerHub.ReleaseClaim)] = [Caller.Officer, Caller.Supervisor, Caller.OtherAirportOfficer],
        [nameof(IOfficerHub.GetCase)] = [Caller.Officer, Caller.Supervisor, Caller.OtherAirportOfficer],
        [nameof(IOfficerHub.AssessLine)] = [Caller.Officer, Caller.Supervisor, Caller.OtherAirportOfficer],
        [nameof(IOfficerHub.RecordPayment)] = [Caller.Officer, Caller.Supervisor, Caller.OtherAirportOfficer],
        [nameof(IOfficerHub.TakeOverCase)] = [Caller.Supervisor],
        [nameof(IOfficerHub.GetDashboard)] = [Caller.Supervisor],
    };

    [Fact]
    public async Task Callers_who_may_not_use_the_console_cannot_connect_to_the_officer_hub()
    {
        foreach (var caller in new[] { Caller.Anonymous, Caller.Kiosk, Caller.Departure, Caller.Administrator })
        {
            await using var connection = caller switch
            {
                Caller.Anonymous => _server.OfficerConnection(anonymous: true),
                Caller.Kiosk => KioskOnOfficerHub(),
                _ => _server.OfficerConnection(_sessions[caller]),
            };
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync());
            Assert.Contains(caller is Caller.Anonymous or Caller.Kiosk ? "401" : "403", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Officer_hub_methods_answer_each_role_and_airport_as_the_matrix_says()
    {
        var cases = new Dictionary<Caller, long>
        {
            [Caller.Officer] = await ReferralAsync(),
            [Caller.Supervisor] = await ReferralAsync(),
            [Caller.OtherAirportOfficer] = await ReferralAsync(),
        };

        foreach (var caller in new[] { Caller.Officer, Caller.Supervisor, Caller.OtherAirportOfficer })
        {
            await using var console = _server.OfficerConnection(_sessions[caller]);
            await console.StartAsync();
            var sameAirport = caller != Caller.OtherAirportOfficer;

            // Reading: the NRT queue and kiosks for NRT staff; nothing of NRT for KIX.
            var open = await console.InvokeAsync<IReadOnlyList<ReferralNotice>>(nameof(IOfficerHub.GetOpenReferrals));
            Assert.Equal(sameAirport, open.Any(r => r.CaseNumber == cases[Caller.OtherAirportOfficer]));
            var kiosks = await console.InvokeAsync<IReadOnlyList<KioskStatus>>(nameof(IOfficerHub.GetKiosks));
            Assert.Equal(sameAirport, kiosks.Any(k => k.KioskId == "NRT-MX-1"));

            // Deciding: an NRT case; KIX is told there is no such case, and it stays open.
            // Deciding needs the case's claim (decision 0013); claiming another airport's case is "no case" too.
            var claim = () => console.InvokeAsync<CaseClaim>(nameof(IOfficerHub.ClaimCase), cases[caller]);
            var decide = () => console.InvokeAsync<CaseDecision>(nameof(IOfficerHub.DecideCase), new CaseDecisionRequest(cases[caller], CaseOutcome.Released, null));
            if (HubRules[nameof(IOfficerHub.DecideCase)].Contains(caller) && sameAirport)
            {
                await claim();
                Assert.Equal(_names[caller], (await decide()).Officer);
                Assert.Equal(_names[caller], await db.ScalarAsync<string>($"SELECT closed_by FROM referrals WHERE case_number = {cases[caller]}"));
            }
            else
            {
                var refused = await Assert.ThrowsAsync<HubException>(decide);
                Assert.Contains($"No case {cases[caller]}", refused.Message, StringComparison.Ordinal);
                Assert.Contains($"No case {cases[caller]}", (await Assert.ThrowsAsync<HubException>(claim)).Message, StringComparison.Ordinal);
                Assert.Null(await db.ScalarAsync<string>($"SELECT outcome FROM referrals WHERE case_number = {cases[caller]}"));
            }

            // Kiosk commands: a supervisor's act, and only on their airport's kiosks.
            var command = () => console.InvokeAsync(nameof(IOfficerHub.SetKioskInService), "NRT-MX-1", true, null);
            if (HubRules[nameof(IOfficerHub.SetKioskInService)].Contains(caller))
            {
                await command();
                Assert.Equal(_names[caller], await db.ScalarAsync<string>("SELECT actor FROM audit_events WHERE action = 'kiosk.commanded' ORDER BY id DESC LIMIT 1"));
            }
            else
            {
                var refused = await Assert.ThrowsAsync<HubException>(command);
                Assert.Contains("unauthorized", refused.Message, StringComparison.Ordinal);
            }
        }

        // A supervisor of another airport may command kiosks, but not NRT's.
        var kixSupervisor = await _server.SignInAsync("mx-kix-supervisor", await _server.EnsureStaffAsync("mx-kix-supervisor", StaffRole.Supervisor, "KIX"));
        await using var kix = _server.OfficerConnection(kixSupervisor);
        await kix.StartAsync();
        var notTheirs = await Assert.ThrowsAsync<HubException>(() => kix.InvokeAsync(nameof(IOfficerHub.SetKioskInService), "NRT-MX-1", false, "test"));
        Assert.Contains("No kiosk NRT-MX-1", notTheirs.Message, StringComparison.Ordinal);
    }

    private HubConnection KioskOnOfficerHub() =>
        new HubConnectionBuilder().WithUrl(new Uri(_server.BaseAddress, PassengerGate.Contracts.HubPaths.Officer), o =>
        {
            o.AccessTokenProvider = () => Task.FromResult<string?>(_kioskToken);
            o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
        }).Build();

    private HashSet<string> MappedEndpoints() =>
        _server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet(StringComparer.Ordinal);

    private async Task<long> ReferralAsync()
    {
        await using var kiosk = _server.KioskConnection(_kioskToken);
        await kiosk.StartAsync();
        var sessionId = Guid.NewGuid();
        await kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId));
        var update = await kiosk.Hub().SubmitDocument(new SubmitDocument(sessionId, Guid.NewGuid(), Mrz.SpecimenWithBadDigit));
        return update.CaseNumber ?? throw new InvalidOperationException("the bad MRZ was not referred");
    }

    private async Task<int> AskAsync(string endpoint, Caller caller, long caseNumber)
    {
        var (method, pattern) = (endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)], endpoint[(endpoint.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var path = pattern
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{caseNumber:long}", caseNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{userName}", "mx-target", StringComparison.Ordinal)
            .Replace("{id:long}", "999999", StringComparison.Ordinal)
            .Replace("{recordId}", "R-1", StringComparison.Ordinal);
        using var http = _server.HttpClient();

        // Sign-out ends the session: it is asked with a separate sign-in so the others stay valid.
        var session = caller switch
        {
            Caller.Anonymous or Caller.Kiosk => new StaffSession(),
            _ when endpoint == "POST /api/staff/sign-out" => await _server.SignInAsync(_names[caller], await _server.EnsureStaffAsync(_names[caller], StaffRole.Officer, "NRT")),
            _ => _sessions[caller],
        };
        if (path.EndsWith("/reset-password", StringComparison.Ordinal) || path.EndsWith("/disable", StringComparison.Ordinal))
        {
            await _server.EnsureStaffAsync("mx-target", StaffRole.Officer, "NRT");
        }

        if (method == "*" && path.EndsWith("/negotiate", StringComparison.Ordinal))
        {
            method = "POST";
            path += "?negotiateVersion=1";
        }
        else if (method == "*")
        {
            // The hub's connection endpoint itself: a WebSocket upgrade is what it is for.
            return await ConnectStatusAsync(path, caller, session);
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (caller == Caller.Kiosk)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _kioskToken);
        }

        if (method == "POST" && !path.StartsWith("/hubs/", StringComparison.Ordinal))
        {
            var token = await session.AntiforgeryAsync(http);
            var fields = new Dictionary<string, string> { [token.FieldName] = token.Token };
            if (path == "/api/staff/sign-in")
            {
                fields["userName"] = "mx-nobody";
                fields["password"] = "not the password";
            }
            else if (path == "/api/staff/users/")
            {
                fields["userName"] = $"mx-new-{caller.ToString().ToLowerInvariant()}";
                fields["role"] = "officer";
            }

            request.Content = path.StartsWith("/api/predeclarations", StringComparison.Ordinal)
                ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent(fields);
        }

        using var response = await session.SendAsync(http, request);
        if (endpoint == "POST /api/staff/sign-out" && caller is not (Caller.Anonymous or Caller.Kiosk))
        {
            // Signing out ended every session of the account, the matrix's own included: sign in again.
            _sessions[caller] = await _server.SignInAsync(_names[caller], await _server.EnsureStaffAsync(_names[caller], StaffRole.Officer, "NRT"));
        }

        return (int)response.StatusCode;
    }

    private async Task<int> ConnectStatusAsync(string path, Caller caller, StaffSession session)
    {
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(_server.BaseAddress, path), o =>
        {
            o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            if (caller == Caller.Kiosk)
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(_kioskToken);
            }
            else if (caller != Caller.Anonymous)
            {
                o.Headers["Cookie"] = session.CookieHeader;
            }
        }).Build();
        try
        {
            await connection.StartAsync();
            return 200;
        }
        catch (Exception ex) when (ex.Message.Contains("401", StringComparison.Ordinal))
        {
            return Denied401;
        }
        catch (Exception ex) when (ex.Message.Contains("403", StringComparison.Ordinal))
        {
            return Denied403;
        }
    }
}
