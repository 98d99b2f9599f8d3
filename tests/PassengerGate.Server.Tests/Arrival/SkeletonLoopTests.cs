using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Contracts.Officer;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Arrival;

/// <summary>Kiosk → hub → PostgreSQL → officer console, over real WebSockets on loopback.</summary>
public class SkeletonLoopTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(db.ConnectionString);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_passport_failing_its_check_digits_becomes_a_referral_pushed_to_the_officer_console()
    {
        var token = await _server.RegisterKioskAsync("NRT-A1");
        await using var officer = _server.OfficerConnection();
        var received = new TaskCompletionSource<ReferralNotice>(TaskCreationOptions.RunContinuationsAsynchronously);
        officer.On<ReferralNotice>(nameof(IOfficerClient.ReferralRaised), r => received.TrySetResult(r));
        await officer.StartAsync();
        await using var kiosk = _server.KioskConnection(token);
        await kiosk.StartAsync();
        var sessionId = Guid.NewGuid();

        await kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId));
        var update = await kiosk.Hub().SubmitDocument(new SubmitDocument(sessionId, Guid.NewGuid(), Mrz.SpecimenWithBadDigit));

        Assert.Equal(SessionLane.Red, update.Lane);
        Assert.Equal([TravellerReason.PassportNotRead], update.Reasons);
        var referral = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(sessionId, referral.SessionId);
        Assert.Equal("NRT-A1", referral.KioskId);
        Assert.Equal("L898902C3", referral.DocumentNumber);
        Assert.Contains(referral.Reasons, r => r.Code == "MRZ_CHECK_DIGIT" && r.Text.Contains("documentNumber", StringComparison.Ordinal));
        Assert.Equal("Referred", await db.ScalarAsync<string>($"SELECT state FROM arrival_sessions WHERE session_id = '{sessionId}'"));
        Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM referrals WHERE session_id = '{sessionId}'"));
        Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM session_transitions WHERE session_id = '{sessionId}'"));
    }

    [Fact]
    public async Task A_command_sent_twice_is_answered_twice_and_recorded_once()
    {
        var token = await _server.RegisterKioskAsync("NRT-A3");
        await using var kiosk = _server.KioskConnection(token);
        await kiosk.StartAsync();
        var sessionId = Guid.NewGuid();
        var commandId = Guid.NewGuid();
        await kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId));
        await kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId));

        var first = await kiosk.Hub().SubmitDocument(new SubmitDocument(sessionId, commandId, Mrz.SpecimenWithBadDigit));
        var second = await kiosk.Hub().SubmitDocument(new SubmitDocument(sessionId, commandId, Mrz.SpecimenWithBadDigit));

        Assert.Equal(first.Lane, second.Lane);
        Assert.Equal(first.Reasons, second.Reasons);
        Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM arrival_sessions WHERE session_id = '{sessionId}'"));
        Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM referrals WHERE session_id = '{sessionId}'"));
        Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM session_transitions WHERE session_id = '{sessionId}'"));
    }

    [Fact]
    public async Task A_kiosk_cannot_act_on_another_kiosks_session()
    {
        var owner = _server.KioskConnection(await _server.RegisterKioskAsync("NRT-A4"));
        var other = _server.KioskConnection(await _server.RegisterKioskAsync("NRT-A5"));
        await using (owner)
        await using (other)
        {
            await owner.StartAsync();
            await other.StartAsync();
            var sessionId = Guid.NewGuid();
            await owner.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId));

            var ex = await Assert.ThrowsAsync<HubException>(() =>
                other.Hub().SubmitDocument(new SubmitDocument(sessionId, Guid.NewGuid(), Mrz.Valid())));
            Assert.Contains("another kiosk", ex.Message, StringComparison.Ordinal);
            Assert.Equal("Opened", await db.ScalarAsync<string>($"SELECT state FROM arrival_sessions WHERE session_id = '{sessionId}'"));
        }
    }

    [Fact]
    public async Task An_officer_console_that_connects_late_gets_the_open_referrals()
    {
        var token = await _server.RegisterKioskAsync("NRT-A6");
        await using var kiosk = _server.KioskConnection(token);
        await kiosk.StartAsync();
        var sessionId = Guid.NewGuid();
        await kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId));
        await kiosk.Hub().SubmitDocument(new SubmitDocument(sessionId, Guid.NewGuid(), Mrz.SpecimenWithBadDigit));

        await using var officer = _server.OfficerConnection();
        await officer.StartAsync();
        var open = await officer.InvokeAsync<IReadOnlyList<ReferralNotice>>(nameof(IOfficerHub.GetOpenReferrals));

        Assert.Contains(open, r => r.SessionId == sessionId);
    }
}
