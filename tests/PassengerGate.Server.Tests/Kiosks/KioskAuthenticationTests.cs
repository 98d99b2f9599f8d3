using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Kiosk;
using Npgsql;
using PassengerGate.Data.Caching;
using PassengerGate.Data.Kiosks;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Kiosks;

public class KioskAuthenticationTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(db.ConnectionString);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_revoked_kiosk_is_refused_at_connection()
    {
        var token = await _server.RegisterKioskAsync("KIX-R1");
        await _server.Services.GetRequiredService<KioskStore>().RevokeAsync("KIX-R1", TimeProvider.System.GetUtcNow(), default);
        await using var kiosk = _server.KioskConnection(token);

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => kiosk.StartAsync());

        Assert.Contains("401", ex.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Disconnected, kiosk.State);
    }

    [Fact]
    public async Task A_kiosk_revoked_while_connected_is_refused_on_its_next_call()
    {
        var token = await _server.RegisterKioskAsync("KIX-R2");
        await using var kiosk = _server.KioskConnection(token);
        await kiosk.StartAsync();
        await kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(Guid.NewGuid()));

        await _server.Services.GetRequiredService<KioskStore>().RevokeAsync("KIX-R2", TimeProvider.System.GetUtcNow(), default);
        var sessionId = Guid.NewGuid();
        await Assert.ThrowsAnyAsync<Exception>(() => kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId)));

        Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM arrival_sessions WHERE session_id = '{sessionId}'"));
    }

    [Fact]
    public async Task A_kiosk_revoked_by_another_process_while_connected_is_refused_once_the_change_is_announced()
    {
        // The credential check is served from the node's memory (decision 0028); `pgate kiosk revoke` runs in another
        // process, so only the kiosks table's notification tells this node.
        var cache = _server.Services.GetRequiredService<ReferenceDataCache>();
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(20);
        while (!cache.IsListening)
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "the node never listened for reference changes");
            await Task.Delay(10);
        }

        var token = await _server.RegisterKioskAsync("KIX-R4");
        await using var kiosk = _server.KioskConnection(token);
        await kiosk.StartAsync();
        await kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(Guid.NewGuid()));
        await kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(Guid.NewGuid()));

        var marker = "revoked-" + Guid.NewGuid().ToString("N");
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Listen(string payload)
        {
            if (payload == marker)
            {
                heard.TrySetResult();
            }
        }

        cache.Changed += Listen;
        await using (var elsewhere = NpgsqlDataSource.Create(db.ConnectionString))
        {
            Assert.True(await new KioskStore(elsewhere).RevokeAsync("KIX-R4", TimeProvider.System.GetUtcNow(), default));
            // Notifications arrive in commit order: once this marker is heard, so was the revocation.
            await db.ScalarAsync<int>($"SELECT 1 FROM (SELECT pg_notify('{ReferenceDataCache.Channel}', '{marker}')) AS sent");
        }

        await heard.Task.WaitAsync(TimeSpan.FromSeconds(20));
        cache.Changed -= Listen;
        var sessionId = Guid.NewGuid();
        await Assert.ThrowsAnyAsync<Exception>(() => kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId)));

        Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM arrival_sessions WHERE session_id = '{sessionId}'"));
    }

    [Theory]
    [InlineData("KIX-UNKNOWN.c2VjcmV0")]
    [InlineData("not-a-credential")]
    [InlineData("")]
    public async Task An_unregistered_kiosk_or_malformed_credential_is_refused(string token)
    {
        await using var kiosk = _server.KioskConnection(token);
        await Assert.ThrowsAnyAsync<Exception>(() => kiosk.StartAsync());
        Assert.Equal(HubConnectionState.Disconnected, kiosk.State);
    }

    [Fact]
    public async Task A_registered_kiosk_with_the_wrong_secret_is_refused()
    {
        var token = await _server.RegisterKioskAsync("KIX-R3");
        await using var kiosk = _server.KioskConnection(token[..^2] + (token[^2..] == "AA" ? "BB" : "AA"));
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => kiosk.StartAsync());
        Assert.Contains("401", ex.Message, StringComparison.Ordinal);
    }
}
