using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Contracts.Officer;
using PassengerGate.Data.Risk;
using PassengerGate.Domain.Risk;
using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.Server.Features.Arrival;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Arrival;

/// <summary>
/// Issue 8, points 3, 5 and 9 on the real service (Kestrel, SignalR over WebSockets, PostgreSQL), with two kiosks:
/// the risk screen runs as soon as the document is read and its hits reach the officer whatever step refers; one
/// passenger gets one outcome across kiosks; a command id answers only for its own kiosk and session; reason texts
/// keep list details out (decision 0008).
/// </summary>
public sealed class ArrivalChecksTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private const string StolenNumber = "TS0000001";
    private const string StolenFaceNumber = "TS0000002";
    private const string StolenIdleNumber = "TS0000003";
    private const string ListReason = "reported stolen at Osaka police box";
    private const string ListSource = "SLTD test extract 2026-11";

    private readonly TestPki _pki = TestPki.Create("UT", new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly string _trust = Directory.CreateTempSubdirectory("pgate-trust-").FullName;
    private RunningServer _server = null!;
    private HubConnection _kioskA = null!;
    private HubConnection _kioskB = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllBytesAsync(Path.Combine(_trust, "test-csca.cer"), _pki.CscaCertificate.RawData);
        _server = await RunningServer.StartAsync(db.ConnectionString, configure: c => c["Documents:TrustListPath"] = _trust);

        // Every traveller is selected: a retry at another kiosk must meet the same draw, not a new one.
        await RiskSetup.InstallAsync(_server.Services, randomRate: 1.0);
        var now = TimeProvider.System.GetUtcNow();
        await _server.Services.GetRequiredService<RiskDataStore>().UpsertWatchlistEntriesAsync(
            [
                new WatchlistEntry { Kind = WatchlistKind.LostStolen, DocumentNumber = StolenNumber, Reason = ListReason, Source = ListSource, ValidFrom = new DateOnly(2026, 1, 1) },
                new WatchlistEntry { Kind = WatchlistKind.LostStolen, DocumentNumber = StolenFaceNumber, Reason = ListReason, Source = ListSource, ValidFrom = new DateOnly(2026, 1, 1) },
                new WatchlistEntry { Kind = WatchlistKind.LostStolen, DocumentNumber = StolenIdleNumber, Reason = ListReason, Source = ListSource, ValidFrom = new DateOnly(2026, 1, 1) },
            ],
            now,
            default);
        _kioskA = _server.KioskConnection(await _server.RegisterKioskAsync("NRT-A1"));
        _kioskB = _server.KioskConnection(await _server.RegisterKioskAsync("NRT-B7"));
        await _kioskA.StartAsync();
        await _kioskB.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _kioskA.DisposeAsync();
        await _kioskB.DisposeAsync();
        await _server.DisposeAsync();
        _pki.Dispose();
        Directory.Delete(_trust, recursive: true);
    }

    [Fact]
    public async Task A_stolen_listed_passport_with_a_chip_fault_reaches_the_officer_with_the_stolen_hit_and_the_chip_reason()
    {
        await using var officer = await OfficerAsync();
        var traveller = SimulatedTraveller.Create(_pki, StolenNumber, ChipFaultMode.WrongSignature);
        var sessionId = await OpenAsync(_kioskA);

        var update = await SubmitDocumentAsync(_kioskA, sessionId, traveller);

        Assert.Equal(SessionLane.Red, update.Lane);
        Assert.Contains(await SessionRecords.ReferralReasonsAsync(db, sessionId), r => r.Code == "PA_SIGNATURE_INVALID");
        Assert.Contains(await SessionRecords.ReferralReasonsAsync(db, sessionId), r => r.Code == ReferralCodes.RiskHit && r.Text.Contains("lost-or-stolen-document", StringComparison.Ordinal));
        var referral = await officer.NextAsync(sessionId);
        Assert.Contains(referral.Reasons, r => r.Code == "PA_SIGNATURE_INVALID");
        Assert.Contains(referral.Reasons, r => r.Code == ReferralCodes.RiskHit);
        await AssertNoListDetailStoredAsync(sessionId);
        // What the list says stays for the officer in the session's facts, which the retention purge removes.
        Assert.Contains(ListSource, await db.ScalarAsync<string>($"SELECT facts->'documentRisk'->'hits'->0->>'detail' FROM arrival_sessions WHERE session_id = '{sessionId}'"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stolen_listed_passport_whose_face_does_not_match_is_referred_with_the_stolen_hit()
    {
        var traveller = SimulatedTraveller.Create(_pki, StolenFaceNumber);
        var sessionId = await OpenAsync(_kioskA);
        var afterDocument = await SubmitDocumentAsync(_kioskA, sessionId, traveller);
        Assert.Equal(SessionState.DocumentVerified, afterDocument.State);

        var update = await _kioskA.Hub().SubmitFaceResult(new SubmitFaceResult(sessionId, Guid.NewGuid(), SimulatedTraveller.GoodFace() with { Score = 0.2 }));

        Assert.Equal(SessionLane.Red, update.Lane);
        Assert.Contains(await SessionRecords.ReferralReasonsAsync(db, sessionId), r => r.Code == "FACE_NOT_MATCHED");
        Assert.Contains(await SessionRecords.ReferralReasonsAsync(db, sessionId), r => r.Code == ReferralCodes.RiskHit && r.Text.Contains("lost-or-stolen-document", StringComparison.Ordinal));
        await AssertNoListDetailStoredAsync(sessionId);
    }

    [Fact]
    public async Task A_referred_traveller_trying_a_second_kiosk_is_referred_again_with_the_same_selection_draw()
    {
        await using var officer = await OfficerAsync();
        var traveller = SimulatedTraveller.Create(_pki, "TR0000001");

        var first = await OpenAsync(_kioskA);
        var firstUpdate = await FullSessionAsync(_kioskA, first, traveller);
        Assert.Equal(SessionLane.Red, firstUpdate.Lane);
        Assert.Contains(await SessionRecords.ReferralReasonsAsync(db, first), r => r.Code == ReferralCodes.RandomSelection);
        Assert.DoesNotContain(await SessionRecords.ReferralReasonsAsync(db, first), r => r.Code == ReferralCodes.PreviouslyReferred);
        await officer.NextAsync(first);

        var second = await OpenAsync(_kioskB);
        var secondUpdate = await FullSessionAsync(_kioskB, second, traveller);

        Assert.Equal(SessionLane.Red, secondUpdate.Lane);
        Assert.Contains(await SessionRecords.ReferralReasonsAsync(db, second), r => r.Code == ReferralCodes.PreviouslyReferred);
        Assert.Contains(await SessionRecords.ReferralReasonsAsync(db, second), r => r.Code == ReferralCodes.RandomSelection);
        var referral = await officer.NextAsync(second);
        Assert.Equal("NRT-B7", referral.KioskId);
        Assert.Contains(referral.Reasons, r => r.Code == ReferralCodes.PreviouslyReferred);

        var firstDraw = await DrawAsync(first);
        var secondDraw = await DrawAsync(second);
        Assert.NotNull(firstDraw.Value);
        Assert.Equal(firstDraw, secondDraw);
        Assert.Equal(first.ToString(), await db.ScalarAsync<string>($"SELECT facts->'documentRisk'->'previouslyReferred'->>'sessionId' FROM arrival_sessions WHERE session_id = '{second}'"));
    }

    [Fact]
    public async Task A_traveller_who_walks_away_after_the_document_and_starts_again_elsewhere_is_referred()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TR0000002");
        var first = await OpenAsync(_kioskA);
        Assert.Equal(SessionState.DocumentVerified, (await SubmitDocumentAsync(_kioskA, first, traveller)).State);
        var abandoned = await _kioskA.Hub().AbandonSession(new AbandonSession(first, Guid.NewGuid(), "passenger left"));
        Assert.Equal(SessionState.Abandoned, abandoned.State);

        var second = await OpenAsync(_kioskB);
        var update = await FullSessionAsync(_kioskB, second, traveller);

        Assert.Equal(SessionLane.Red, update.Lane);
        Assert.Contains(await SessionRecords.ReferralReasonsAsync(db, second), r => r.Code == ReferralCodes.PreviouslyReferred);
    }

    [Fact]
    public async Task A_stolen_listed_passport_whose_session_the_service_ends_for_idleness_is_referred_with_the_stolen_hit()
    {
        await using var officer = await OfficerAsync();
        var traveller = SimulatedTraveller.Create(_pki, StolenIdleNumber);
        var sessionId = await OpenAsync(_kioskA);
        Assert.Equal(SessionState.DocumentVerified, (await SubmitDocumentAsync(_kioskA, sessionId, traveller)).State);
        var quiet = await OpenAsync(_kioskA);

        // The kiosk never comes back; the service's sweep runs after Sessions:Timeout (15 minutes by default).
        var sweep = ActivatorUtilities.CreateInstance<AbandonStaleSessions>(_server.Services, new ShiftedClock(TimeProvider.System.GetUtcNow().AddMinutes(16)));
        Assert.True(await sweep.SweepAsync(default) >= 2);

        Assert.Equal("Referred", await db.ScalarAsync<string>($"SELECT state FROM arrival_sessions WHERE session_id = '{sessionId}'"));
        var reasons = await SessionRecords.ReferralReasonsAsync(db, sessionId);
        Assert.Contains(reasons, r => r.Code == "SESSION_TIMEOUT");
        Assert.Contains(reasons, r => r.Code == ReferralCodes.RiskHit && r.Text.Contains("lost-or-stolen-document", StringComparison.Ordinal));
        Assert.Contains((await officer.NextAsync(sessionId)).Reasons, r => r.Code == ReferralCodes.RiskHit);
        await AssertNoListDetailStoredAsync(sessionId);
        // A session with nothing carried is abandoned as before: no referral for an officer.
        Assert.Equal("Abandoned", await db.ScalarAsync<string>($"SELECT state FROM arrival_sessions WHERE session_id = '{quiet}'"));
    }

    [Fact]
    public async Task A_command_id_answers_only_for_the_kiosk_and_session_that_sent_it()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TC0000001");
        var sessionA = await OpenAsync(_kioskA);
        var command = Guid.NewGuid();
        var chip = await traveller.ReadChipAsync(await SessionRecords.ChallengeAsync(db, sessionA), _kioskA, sessionA);
        var answer = await _kioskA.Hub().SubmitDocument(new SubmitDocument(sessionA, command, traveller.MrzLines, chip));

        // The same kiosk resending after a reconnect gets the same answer.
        var resent = await _kioskA.Hub().SubmitDocument(new SubmitDocument(sessionA, command, traveller.MrzLines, chip));
        Assert.Equal((answer.SessionId, answer.State), (resent.SessionId, resent.State));

        // Another kiosk, its own session, the same command id: no answer of session A, and nothing done.
        var sessionB = await OpenAsync(_kioskB);
        await Assert.ThrowsAsync<HubException>(() => _kioskB.Hub().SubmitDocument(new SubmitDocument(sessionB, command, traveller.MrzLines, chip)));
        Assert.Equal("Opened", await db.ScalarAsync<string>($"SELECT state FROM arrival_sessions WHERE session_id = '{sessionB}'"));

        // The same kiosk, another of its sessions, the same command id: refused too.
        var sessionA2 = await OpenAsync(_kioskA);
        await Assert.ThrowsAsync<HubException>(() => _kioskA.Hub().SubmitDocument(new SubmitDocument(sessionA2, command, traveller.MrzLines, chip)));
    }

    private async Task AssertNoListDetailStoredAsync(Guid sessionId)
    {
        // Reason texts are kept for good in the audit trail and the referral: codes and rule ids, never what a list says.
        var stored = await db.ScalarAsync<string>($"SELECT string_agg(reasons::text, ' ') FROM session_transitions WHERE session_id = '{sessionId}'")
            + await db.ScalarAsync<string>($"SELECT reasons::text FROM referrals WHERE session_id = '{sessionId}'");
        Assert.Contains("lost-or-stolen-document", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(ListReason, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(ListSource, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("1990", stored, StringComparison.Ordinal);
    }

    private async Task<(string? Subject, string? Value)> DrawAsync(Guid sessionId) =>
        (await db.ScalarAsync<string>($"SELECT facts->'risk'->>'subject' FROM arrival_sessions WHERE session_id = '{sessionId}'"),
         await db.ScalarAsync<string>($"SELECT facts->'risk'->>'draw' FROM arrival_sessions WHERE session_id = '{sessionId}'"));

    private static async Task<Guid> OpenAsync(HubConnection kiosk)
    {
        var sessionId = Guid.NewGuid();
        await kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId));
        return sessionId;
    }

    private async Task<SessionUpdate> SubmitDocumentAsync(HubConnection kiosk, Guid sessionId, SimulatedTraveller traveller) =>
        await kiosk.Hub().SubmitDocument(new SubmitDocument(sessionId, Guid.NewGuid(), traveller.MrzLines, await traveller.ReadChipAsync(await SessionRecords.ChallengeAsync(db, sessionId), kiosk, sessionId)));

    private async Task<SessionUpdate> FullSessionAsync(HubConnection kiosk, Guid sessionId, SimulatedTraveller traveller)
    {
        Assert.Equal(SessionState.DocumentVerified, (await SubmitDocumentAsync(kiosk, sessionId, traveller)).State);
        Assert.Equal(SessionState.FaceVerified, (await kiosk.Hub().SubmitFaceResult(new SubmitFaceResult(sessionId, Guid.NewGuid(), SimulatedTraveller.GoodFace()))).State);
        return await kiosk.Hub().SubmitDeclaration(new SubmitDeclaration(sessionId, Guid.NewGuid(), null, traveller.Declaration()));
    }

    private async Task<OfficerFeed> OfficerAsync()
    {
        var feed = new OfficerFeed(_server.OfficerConnection());
        await feed.StartAsync();
        return feed;
    }

    /// <summary>The officer console's live feed: referrals as the service pushes them.</summary>
    private sealed class OfficerFeed(HubConnection connection) : IAsyncDisposable
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, TaskCompletionSource<ReferralNotice>> _raised = new();

        public async Task StartAsync()
        {
            connection.On<ReferralNotice>(nameof(IOfficerClient.ReferralRaised), r => Slot(r.SessionId).TrySetResult(r));
            await connection.StartAsync();
        }

        public Task<ReferralNotice> NextAsync(Guid sessionId) => Slot(sessionId).Task.WaitAsync(TimeSpan.FromSeconds(15));

        public ValueTask DisposeAsync() => connection.DisposeAsync();

        private TaskCompletionSource<ReferralNotice> Slot(Guid sessionId) =>
            _raised.GetOrAdd(sessionId, _ => new TaskCompletionSource<ReferralNotice>(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
