using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Contracts.Officer;
using PassengerGate.Domain.Staff;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Observability;

/// <summary>
/// Issue 13 point 5 on the real service: /metrics in Prometheus' text format for a scraper holding the configured token
/// or a signed-in supervisor or administrator, and nobody else; after a kiosk's session is referred, the scrape shows
/// the decision by lane, the hub calls by method and the open kiosk connection, and the supervisor dashboard shows the
/// same numbers for the node. No passenger detail is exported.
/// </summary>
public sealed partial class MetricsTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private const string ScrapeToken = "scrape-token-for-tests-0123456789";

    // Other test classes run services in this process too, and a process's meters are one: this node's samples are
    // told apart by their node label.
    private readonly string _node = $"metrics-test-{Guid.NewGuid():N}";
    private RunningServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await RunningServer.StartAsync(db.ConnectionString, configure: c =>
        {
            c["Observability:ScrapeToken"] = ScrapeToken;
            c["Observability:Node"] = _node;
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-token-wrong-token-wrong-token", HttpStatusCode.Unauthorized)]
    [InlineData(ScrapeToken, HttpStatusCode.OK)]
    public async Task A_scraper_needs_the_configured_token(string? token, HttpStatusCode expected)
    {
        using var http = _server.HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_kiosk_credential_is_not_a_scrape_token()
    {
        var kioskToken = await _server.RegisterKioskAsync("NRT-OBS-9");
        using var http = _server.HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", kioskToken);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(StaffRole.Officer, HttpStatusCode.Forbidden)]
    [InlineData(StaffRole.Departure, HttpStatusCode.Forbidden)]
    [InlineData(StaffRole.Supervisor, HttpStatusCode.OK)]
    [InlineData(StaffRole.Administrator, HttpStatusCode.OK)]
    public async Task Staff_read_it_by_role(StaffRole role, HttpStatusCode expected)
    {
        var name = $"obs-{role.Name()}";
        var session = await _server.SignInAsync(name, await _server.EnsureStaffAsync(name, role, "NRT"));
        using var http = _server.HttpClient();

        using var response = await session.SendAsync(http, new HttpRequestMessage(HttpMethod.Get, "/metrics"));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_referred_session_shows_in_the_scrape_by_lane_and_method_and_on_the_supervisor_dashboard()
    {
        await using var kiosk = _server.KioskConnection(await _server.RegisterKioskAsync("NRT-OBS-1"));
        await kiosk.StartAsync();
        var sessionId = Guid.NewGuid();
        await kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId));
        var update = await kiosk.Hub().SubmitDocument(new SubmitDocument(sessionId, Guid.NewGuid(), Mrz.SpecimenWithBadDigit));
        Assert.Equal(SessionLane.Red, update.Lane);

        var scrape = await ScrapeAsync();

        Assert.Equal(1, Sample(scrape, "passengergate_sessions_decided_total", "lane=\"red\""));
        Assert.Equal(0, Sample(scrape, "passengergate_sessions_decided_total", "lane=\"green\""));
        Assert.Equal(1, Sample(scrape, "passengergate_hub_call_duration_seconds_count", "method=\"SubmitDocument\"", "outcome=\"ok\""));
        Assert.Equal(1, Sample(scrape, "passengergate_hub_call_duration_seconds_count", "method=\"OpenArrivalSession\""));
        Assert.Equal(1, Sample(scrape, "passengergate_kiosk_connections"));
        // The database's own latency comes from Npgsql's meter.
        Assert.Contains("db_client_", scrape, StringComparison.Ordinal);
        // Lanes, hubs and methods only: nothing of the passenger or the case.
        Assert.DoesNotContain(Mrz.SpecimenWithBadDigit[1][..9], scrape, StringComparison.Ordinal);
        Assert.DoesNotContain(sessionId.ToString(), scrape, StringComparison.Ordinal);

        await using var supervisor = await _server.SignedInStaffConnectionAsync("obs-dash", StaffRole.Supervisor);
        await supervisor.StartAsync();
        var dashboard = await supervisor.InvokeAsync<DashboardSnapshot>(nameof(IOfficerHub.GetDashboard));
        var node = Assert.IsType<ServiceLoad>(dashboard.Service);
        Assert.Equal(_node, node.Node);
        Assert.Equal((0, 1), (node.GreenLastMinute, node.RedLastMinute));
        Assert.Equal(1, node.KioskConnections);
        Assert.True(node.HubCallsLastMinute >= 2, $"{node.HubCallsLastMinute} hub calls");
        Assert.NotNull(node.HubCallP99Ms);

        await kiosk.StopAsync();
        await WaitForAsync(async () => Sample(await ScrapeAsync(), "passengergate_kiosk_connections") == 0);
    }

    private async Task<string> ScrapeAsync()
    {
        using var http = _server.HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ScrapeToken);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sum of this node's samples of <paramref name="metric"/> whose labels include every one of <paramref name="labels"/>; 0 when none.</summary>
    private double Sample(string scrape, string metric, params string[] labels) =>
        scrape.Split('\n')
            .Select(line => SampleLine().Match(line))
            .Where(m => m.Success && m.Groups["name"].Value == metric
                && labels.Append($"node=\"{_node}\"").All(l => m.Groups["labels"].Value.Contains(l, StringComparison.Ordinal)))
            .Sum(m => double.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture));

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(await condition());
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>[-+0-9.eE]+|NaN)( \d+)?$")]
    private static partial Regex SampleLine();
}
