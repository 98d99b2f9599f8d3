using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Domain.Risk;
using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Arrival;

/// <summary>
/// Issue 8 point 6 on the real service: the declaration is assessed as of the day at the airport (Asia/Tokyo, UTC+9,
/// no daylight saving), at 08:59 JST when the UTC date is still yesterday and at 09:00 JST. A traveller born on
/// 2006-12-01 turns 20 on 2026-12-01; DOMAIN.md §1 gives alcohol allowances from 20 (3 bottles), none under 20.
/// The service's clock is the real one shifted to the chosen instant (each test takes seconds, so 08:59 stays 08:59).
/// </summary>
public sealed class ArrivalDayTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset At0859Jst = new(2026, 12, 1, 8, 59, 0, TimeSpan.FromHours(9));
    private static readonly DateTimeOffset At0900Jst = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly DateOnly December1 = new(2026, 12, 1);
    private const string OneBottle = """{ "alcohol": [ { "kind": "whiskyBrandy", "bottles": 1, "volumeMlPerBottle": 750 } ] }""";

    private readonly ShiftedClock _clock = new(At0859Jst);
    private readonly TestPki _pki = TestPki.Create("UT", new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly string _trust = Directory.CreateTempSubdirectory("pgate-trust-").FullName;
    private RunningServer _server = null!;
    private HubConnection _kiosk = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllBytesAsync(Path.Combine(_trust, "test-csca.cer"), _pki.CscaCertificate.RawData);
        _server = await RunningServer.StartAsync(db.ConnectionString, configure: c => c["Documents:TrustListPath"] = _trust, clock: _clock);
        await RiskSetup.InstallAsync(_server.Services, randomRate: 0.0);
        _kiosk = _server.KioskConnection(await _server.RegisterKioskAsync("KIX-D1"));
        await _kiosk.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _kiosk.DisposeAsync();
        await _server.DisposeAsync();
        _pki.Dispose();
        Directory.Delete(_trust, recursive: true);
    }

    [Fact]
    public async Task At_08_59_in_Japan_a_traveller_who_turns_20_that_day_has_the_alcohol_allowance()
    {
        _clock.Set(At0859Jst);
        var (sessionId, update) = await DeclareAsync("TD0000001", "2006-12-01", December1);

        Assert.Equal(SessionLane.Green, update.Lane);
        Assert.Equal("2026-12-01", await FactAsync(sessionId, "'assessment'->>'asOf'"));
    }

    [Fact]
    public async Task At_08_59_in_Japan_a_traveller_who_turns_20_the_next_day_has_no_alcohol_allowance()
    {
        _clock.Set(At0859Jst);
        var (_, update) = await DeclareAsync("TD0000002", "2006-12-02", December1);

        Assert.Equal(SessionLane.Red, update.Lane);
    }

    [Fact]
    public async Task At_09_00_in_Japan_the_day_is_the_same_and_the_allowance_too()
    {
        _clock.Set(At0900Jst);
        var (sessionId, update) = await DeclareAsync("TD0000003", "2006-12-01", December1);

        Assert.Equal(SessionLane.Green, update.Lane);
        Assert.Equal("2026-12-01", await FactAsync(sessionId, "'assessment'->>'asOf'"));
    }

    [Fact]
    public async Task A_declaration_typed_for_yesterday_is_re_dated_to_the_day_at_the_airport()
    {
        _clock.Set(At0859Jst);
        var (sessionId, update) = await DeclareAsync("TD0000004", "2006-12-01", new DateOnly(2026, 11, 30));

        // Assessed as of 1 December, when the traveller is 20: not under 30 November's rules, when they were 19.
        Assert.Equal(SessionLane.Green, update.Lane);
        Assert.Equal("2026-12-01", await FactAsync(sessionId, "'arrivalDate'->>'assessedAs'"));
        Assert.Equal("2026-11-30", await FactAsync(sessionId, "'arrivalDate'->>'declared'"));
    }

    [Fact]
    public async Task A_form_typed_at_the_kiosk_for_another_day_is_refused_at_its_field_and_the_session_waits_for_a_correction()
    {
        // Decision 0017: the kiosk's form may differ from today by Declarations:KioskArrivalDays (1); further is refused.
        _clock.Set(At0859Jst);
        var (sessionId, update) = await DeclareAsync("TD0000005", "1990-04-01", new DateOnly(2026, 11, 27));

        Assert.Null(update.Lane);
        Assert.Equal(SessionState.FaceVerified, update.State);
        Assert.Equal(SessionStep.Declaration, update.Next);
        Assert.Equal("DECLARATION_INVALID", update.Problem?.Code);
        var error = Assert.Single(update.FieldErrors!);
        Assert.Equal(("$.header.arrivalDate", DeclarationFieldProblem.ArrivalDateOutOfWindow), (error.Path, error.Problem));

        var corrected = await _kiosk.Hub().SubmitDeclaration(new SubmitDeclaration(sessionId, Guid.NewGuid(), null, Traveller("TD0000005").Declaration(goods: OneBottle, arrivalDate: December1)));
        Assert.Equal(SessionLane.Green, corrected.Lane);
    }

    [Fact]
    public async Task At_08_59_in_Japan_a_child_born_that_Japanese_day_may_declare_and_one_born_the_next_day_may_not()
    {
        // 2026-12-01 08:59 JST is 2026-11-30 23:59 UTC: a birth on 1 December is today at the airport, not the future.
        _clock.Set(At0859Jst);
        var (_, today) = await DeclareAsync("TD0000006", "2026-12-01", December1);
        Assert.Null(today.Problem);
        Assert.NotNull(today.Lane);

        // Typed for tomorrow's arrival (re-dated within a day), so only the birth is wrong: after today at the airport.
        var (_, tomorrow) = await DeclareAsync("TD0000007", "2026-12-02", December1.AddDays(1));
        Assert.Null(tomorrow.Lane);
        Assert.Equal(DeclarationFieldProblem.BirthDateInFuture, Assert.Single(tomorrow.FieldErrors!).Problem);
    }

    [Fact]
    public async Task A_pre_declaration_QR_for_another_day_is_referred_and_never_assessed_under_that_days_rules()
    {
        // A QR made at 08:59 JST on 1 December for 3 December (within PreDeclarations:MaxDaysAhead), scanned the same day.
        _clock.Set(At0859Jst);
        var traveller = Traveller("TD0000008");
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        using var content = new StringContent(traveller.Declaration(goods: OneBottle, arrivalDate: December1.AddDays(2)), System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/api/predeclarations", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var qr = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("qrText").GetString();

        var sessionId = await ThroughFaceAsync(traveller);
        var update = await _kiosk.Hub().SubmitDeclaration(new SubmitDeclaration(sessionId, Guid.NewGuid(), qr, null));

        Assert.Equal(SessionLane.Red, update.Lane);
        Assert.Contains(await SessionRecords.ReferralReasonsAsync(db, sessionId), r => r.Code == ReferralCodes.ArrivalDateMismatch);
        Assert.Equal("2026-12-01", await FactAsync(sessionId, "'assessment'->>'asOf'"));
    }

    private Task<string?> FactAsync(Guid sessionId, string path) =>
        db.ScalarAsync<string>($"SELECT facts->{path} FROM arrival_sessions WHERE session_id = '{sessionId}'");

    private readonly Dictionary<string, SimulatedTraveller> _travellers = new(StringComparer.Ordinal);

    private SimulatedTraveller Traveller(string documentNumber)
    {
        if (!_travellers.TryGetValue(documentNumber, out var traveller))
        {
            traveller = SimulatedTraveller.Create(_pki, documentNumber);
            _travellers[documentNumber] = traveller;
        }

        return traveller;
    }

    private async Task<Guid> ThroughFaceAsync(SimulatedTraveller traveller)
    {
        var sessionId = Guid.NewGuid();
        await _kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId));
        var afterDocument = await _kiosk.Hub().SubmitDocument(new SubmitDocument(sessionId, Guid.NewGuid(), traveller.MrzLines, await traveller.ReadChipAsync(await SessionRecords.ChallengeAsync(db, sessionId), _kiosk, sessionId)));
        Assert.Equal(SessionState.DocumentVerified, afterDocument.State);
        await _kiosk.Hub().SubmitFaceResult(new SubmitFaceResult(sessionId, Guid.NewGuid(), SimulatedTraveller.GoodFace()));
        return sessionId;
    }

    private async Task<(Guid SessionId, SessionUpdate Update)> DeclareAsync(string documentNumber, string dateOfBirth, DateOnly arrivalDate)
    {
        var traveller = Traveller(documentNumber);
        var sessionId = await ThroughFaceAsync(traveller);
        var update = await _kiosk.Hub().SubmitDeclaration(new SubmitDeclaration(sessionId, Guid.NewGuid(), null, traveller.Declaration(goods: OneBottle, arrivalDate: arrivalDate, dateOfBirth: dateOfBirth)));
        return (sessionId, update);
    }
}
