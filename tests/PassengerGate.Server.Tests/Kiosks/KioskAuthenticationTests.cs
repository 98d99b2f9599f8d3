using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Kiosk;
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
