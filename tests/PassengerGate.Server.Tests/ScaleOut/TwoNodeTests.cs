using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PassengerGate.Contracts;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Contracts.Officer;
using PassengerGate.Server.Features.Arrival;
using PassengerGate.Server.Tests.Support;

namespace PassengerGate.Server.Tests.ScaleOut;

/// <summary>
/// Two service nodes on one PostgreSQL with the SignalR Redis backplane (issue 13, decision 0024), over real
/// WebSockets on loopback and a real redis-server: a referral raised on one node reaches an officer on the other; a
/// kiosk whose node stops reconnects through the load balancer to the other and finishes its session once; background
/// jobs run once across the nodes, not once per node.
/// </summary>
public class TwoNodeTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static Action<IDictionary<string, string?>> Backplane(RedisServer redis) => s => s["Redis:Configuration"] = redis.Configuration;

    [Fact]
    public async Task A_referral_raised_on_node_A_reaches_an_officer_connected_to_node_B()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var a = await RunningServer.StartAsync(db.ConnectionString, configure: Backplane(redis));
        await using var b = await RunningServer.StartAsync(db.ConnectionString, configure: Backplane(redis));
        var token = await a.RegisterKioskAsync("NRT-2N-1");
        await using var officer = b.OfficerConnection();
        var received = new TaskCompletionSource<ReferralNotice>(TaskCreationOptions.RunContinuationsAsynchronously);
        officer.On<ReferralNotice>(nameof(IOfficerClient.ReferralRaised), r => received.TrySetResult(r));
        await officer.StartAsync();
        await using var kiosk = a.KioskConnection(token);
        await kiosk.StartAsync();
        var sessionId = Guid.NewGuid();

        await kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId));
        var update = await kiosk.Hub().SubmitDocument(new SubmitDocument(sessionId, Guid.NewGuid(), Mrz.SpecimenWithBadDigit));

        Assert.Equal(SessionLane.Red, update.Lane);
        var referral = await received.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(sessionId, referral.SessionId);
        Assert.Equal("NRT-2N-1", referral.KioskId);
    }

    [Fact]
    public async Task A_kiosk_whose_node_stops_reconnects_to_the_other_node_and_its_session_ends_once()
    {
        await using var redis = await RedisServer.StartAsync();
        var a = await RunningServer.StartAsync(db.ConnectionString, configure: Backplane(redis));
        await using var b = await RunningServer.StartAsync(db.ConnectionString, configure: Backplane(redis));
        var token = await a.RegisterKioskAsync("NRT-2N-2");
        await using var balancer = new FailoverProxy(a.Port, b.Port);
        await using var officer = b.OfficerConnection();
        var pushes = new ConcurrentQueue<ReferralNotice>();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        officer.On<ReferralNotice>(nameof(IOfficerClient.ReferralRaised), r =>
        {
            pushes.Enqueue(r);
            first.TrySetResult();
        });
        await officer.StartAsync();
        await using var kiosk = new HubConnectionBuilder().WithUrl(new Uri(balancer.BaseAddress, HubPaths.Kiosk), o =>
        {
            o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
        }).AddJsonProtocol(o => ContractJson.Configure(o.PayloadSerializerOptions))
          .WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)])
          .Build();
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        kiosk.Reconnected += _ =>
        {
            reconnected.TrySetResult();
            return Task.CompletedTask;
        };
        await kiosk.StartAsync();
        var sessionId = Guid.NewGuid();
        await kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId));

        await a.DisposeAsync();
        await reconnected.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var command = Guid.NewGuid();
        var update = await kiosk.Hub().SubmitDocument(new SubmitDocument(sessionId, command, Mrz.SpecimenWithBadDigit));
        var again = await kiosk.Hub().SubmitDocument(new SubmitDocument(sessionId, command, Mrz.SpecimenWithBadDigit));

        Assert.Equal(SessionLane.Red, update.Lane);
        Assert.Equal(update.CaseNumber, again.CaseNumber);
        Assert.Equal(update.Lane, again.Lane);
        await first.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM arrival_sessions WHERE session_id = '{sessionId}'"));
        Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM referrals WHERE session_id = '{sessionId}'"));
        Assert.Single(pushes, p => p.SessionId == sessionId);
    }

    [Fact]
    public async Task Background_jobs_run_once_across_two_nodes_not_once_per_node()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var a = await RunningServer.StartAsync(db.ConnectionString, configure: Backplane(redis));
        await using var b = await RunningServer.StartAsync(db.ConnectionString, configure: Backplane(redis));

        // Both nodes try every purge as they start (within the purges' interval): one of them ran each.
        foreach (var job in new[] { "purge-personal-data", "purge-pre-declarations", "purge-currency-declarations" })
        {
            Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT runs FROM job_runs WHERE job = '{job}'"));
        }

        // Both nodes due at the same moment: exactly one runs.
        await db.ScalarAsync<int>("DELETE FROM job_runs WHERE job = 'purge-personal-data' RETURNING 0");
        var ran = await Task.WhenAll(
            a.Services.GetRequiredService<PurgeExpiredPersonalData>().TryRunAsync(default),
            b.Services.GetRequiredService<PurgeExpiredPersonalData>().TryRunAsync(default));
        Assert.Single(ran, r => r);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT runs FROM job_runs WHERE job = 'purge-personal-data'"));
    }
}
