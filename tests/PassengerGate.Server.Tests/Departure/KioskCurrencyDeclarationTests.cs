using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts;
using PassengerGate.Contracts.Departure;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Data.Kiosks;
using PassengerGate.Domain.Kiosks;
using PassengerGate.Domain.Staff;
using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Departure;

/// <summary>
/// A currency declaration made at the kiosk (issue 11 point 1; decision 0022, "At the kiosk"), over the real service,
/// PostgreSQL and SignalR over WebSockets: bound to the passport the session's chip verified, stored once per command,
/// queued live on the departure console, and answered to the kiosk without staff-only data. Threshold: Japan, FEFTA
/// art. 19(3), "over ¥1,000,000" (docs/currency-rules.md). Rates: the test week's USD ¥150.00 (DepartureSupport).
/// </summary>
public sealed class KioskCurrencyDeclarationTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private const string KioskId = "NRT-C1";
    private readonly TestPki _pki = TestPki.Create("UT", new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly string _trust = Directory.CreateTempSubdirectory("pgate-trust-").FullName;
    private RunningServer _server = null!;
    private HubConnection _kiosk = null!;
    private StaffSession _departure = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllBytesAsync(Path.Combine(_trust, "test-csca.cer"), _pki.CscaCertificate.RawData);
        _server = await RunningServer.StartAsync(db.ConnectionString, configure: c =>
        {
            c["Documents:TrustListPath"] = _trust;
            c["Staff:SignInAttemptsPerMinute"] = "1000";
        });
        await RiskSetup.InstallAsync(_server.Services, 0.0);
        await _server.ImportTestRatesAsync();
        _departure = await _server.SignInAsync("kc-departure", await _server.EnsureStaffAsync("kc-departure", StaffRole.Departure, "NRT"));
        _kiosk = _server.KioskConnection(await _server.RegisterKioskAsync(KioskId));
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
    public async Task A_departing_travellers_kiosk_declaration_of_1500000_yen_in_yen_and_dollars_is_bound_to_the_chip_verified_passport_and_queued_live_for_departure_staff()
    {
        await using var desk = _server.DepartureConnection(_departure);
        var pushed = new TaskCompletionSource<DepartureDeclarationView>(TaskCreationOptions.RunContinuationsAsynchronously);
        desk.On<DepartureDeclarationView>(nameof(IDepartureClient.DeclarationChanged), v =>
        {
            if (v.Channel == "kiosk")
            {
                pushed.TrySetResult(v);
            }
        });
        await desk.StartAsync();
        var traveller = SimulatedTraveller.Create(_pki, "TK3000001");
        var sessionId = await _kiosk.ThroughDocumentAsync(traveller);

        // The kiosk's JSON names someone else: the service must take the bearer from the verified passport instead.
        // ¥750,000 cash and US$5,000 at ¥150.00 = ¥750,000: ¥1,500,000, over FEFTA's ¥1,000,000.
        var json = DepartureSupport.DepartureJson(_server.AirportToday(), "SOMEONE ELSE", "XX9999999", "KCBK01", "NH861", ("JPY", 750_000m), ("USD", 5_000m));
        var answer = await _kiosk.Hub().SubmitCurrencyDeclaration(new SubmitCurrencyDeclaration(sessionId, Guid.NewGuid(), json));

        Assert.Null(answer.Problem);
        Assert.True(answer.DeclarationRequired);
        Assert.Equal(1_500_000m, answer.TotalInReportingCurrency);
        Assert.Equal("JPY", answer.ReportingCurrency);
        Assert.Equal(CurrencyNextStep.DepartureDesk, answer.Next);
        Assert.Matches("^CD-[0-9]{6}$", answer.DeclarationNumber);

        var view = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(answer.DeclarationNumber, view.Number);
        Assert.Equal(("departure", "TANAKA HANAKO", "JPN", "TK3000001"), (view.Direction, view.BearerName, view.BearerNationality, view.BearerDocumentNumber));
        Assert.Equal(1_500_000m, view.Total);
        var queued = (await desk.InvokeAsync<DepartureWorklist>(nameof(IDepartureHub.GetQueue))).Declarations.Single(d => d.Number == answer.DeclarationNumber);
        Assert.Equal(("kiosk", "TANAKA HANAKO"), (queued.Channel, queued.BearerName));

        // It records where it came from, and the stored JSON carries the verified bearer, not the typed one.
        Assert.Equal($"{KioskId}|{sessionId}|{KioskId}", await db.ScalarAsync<string>($"SELECT kiosk_id || '|' || session_id || '|' || recorded_by FROM currency_declarations WHERE id = {view.Id}"));
        Assert.Equal("TK3000001", await db.ScalarAsync<string>($"SELECT declaration->'bearer'->>'documentNumber' FROM currency_declarations WHERE id = {view.Id}"));
        Assert.Equal("kiosk", await db.ScalarAsync<string>($"SELECT actor_kind FROM audit_events WHERE subject = 'currency:{answer.DeclarationNumber}'"));
    }

    [Fact]
    public async Task The_phone_code_a_kiosk_declaration_was_filled_from_is_marked_used_and_a_code_that_does_not_verify_marks_nothing_and_loses_nothing()
    {
        // Decision 0026: the kiosk sends the phone's signed code with the form it filled; the service verifies it again.
        var json = DepartureSupport.DepartureJson(_server.AirportToday(), "TANAKA HANAKO", "TK3000011", "KCBK11", "NH861", ("JPY", 1_200_000m));
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        using var posted = await http.PostAsync(new Uri("/api/predeclarations/currency", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var body = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.IsSuccessStatusCode, body);
        var qr = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("qrText").GetString()!;
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM predeclarations WHERE kind = 'currency' AND used_at IS NOT NULL"));

        var first = await _kiosk.ThroughDocumentAsync(SimulatedTraveller.Create(_pki, "TK3000011"));
        var answer = await _kiosk.Hub().SubmitCurrencyDeclaration(new SubmitCurrencyDeclaration(first, Guid.NewGuid(), json, qr));
        Assert.Null(answer.Problem);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM predeclarations WHERE kind = 'currency' AND used_at IS NOT NULL"));

        // A text that is not one of this service's codes (altered by one character) is stored as declared, and marks nothing.
        var altered = qr[..^1] + (qr[^1] == 'A' ? 'B' : 'A');
        var second = await _kiosk.ThroughDocumentAsync(SimulatedTraveller.Create(_pki, "TK3000012"));
        var stored = await _kiosk.Hub().SubmitCurrencyDeclaration(new SubmitCurrencyDeclaration(second, Guid.NewGuid(),
            DepartureSupport.DepartureJson(_server.AirportToday(), "ANYONE", "XX0000000", null, null, ("JPY", 1_100_000m)), altered));
        Assert.Null(stored.Problem);
        Assert.Matches("^CD-[0-9]{6}$", stored.DeclarationNumber);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM predeclarations WHERE used_at IS NOT NULL"));
    }

    [Fact]
    public async Task The_kiosks_review_of_a_draft_gives_the_services_total_and_verdict_and_stores_nothing_and_a_currency_without_a_rate_is_no_rate()
    {
        var sessionId = await _kiosk.ThroughDocumentAsync(SimulatedTraveller.Create(_pki, "TK3000007"));
        var before = await db.ScalarAsync<long>("SELECT count(*) FROM currency_declarations");

        // ¥750,000 + US$5,000 at ¥150.00 = ¥1,500,000: over FEFTA's ¥1,000,000. ¥300,000 alone is not.
        var over = await _kiosk.Hub().AssessCurrencyDraft(new AssessCurrencyDraft(sessionId,
            DepartureSupport.DepartureJson(_server.AirportToday(), "ANYONE", "XX0000000", null, null, ("JPY", 750_000m), ("USD", 5_000m))));
        var under = await _kiosk.Hub().AssessCurrencyDraft(new AssessCurrencyDraft(sessionId,
            DepartureSupport.DepartureJson(_server.AirportToday(), "ANYONE", "XX0000000", null, null, ("JPY", 300_000m))));
        // The test week has rates for USD and EUR only: Swiss francs have none, and the review never guesses one.
        var noRate = await _kiosk.Hub().AssessCurrencyDraft(new AssessCurrencyDraft(sessionId,
            DepartureSupport.DepartureJson(_server.AirportToday(), "ANYONE", "XX0000000", null, null, ("CHF", 1_000m))));
        var unverified = Guid.NewGuid();
        await _kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(unverified));
        var noPassport = await _kiosk.Hub().AssessCurrencyDraft(new AssessCurrencyDraft(unverified,
            DepartureSupport.DepartureJson(_server.AirportToday(), "ANYONE", "XX0000000", null, null, ("JPY", 300_000m))));

        Assert.Equal((true, 1_500_000m, "JPY", (CurrencyDeclarationProblem?)null), (over.DeclarationRequired, over.TotalInReportingCurrency!.Value, over.ReportingCurrency, over.Problem));
        Assert.Equal((false, 300_000m), (under.DeclarationRequired, under.TotalInReportingCurrency!.Value));
        Assert.Equal(CurrencyDeclarationProblem.NoRate, noRate.Problem);
        Assert.Null(noRate.TotalInReportingCurrency);
        Assert.Contains(noRate.FieldErrors!, e => e.Problem == DeclarationFieldProblem.CurrencyWithoutRate);
        Assert.Equal(CurrencyDeclarationProblem.NoVerifiedDocument, noPassport.Problem);
        Assert.Equal(before, await db.ScalarAsync<long>("SELECT count(*) FROM currency_declarations"));
    }

    [Fact]
    public async Task A_repeated_command_id_answers_the_same_declaration_without_a_second_row_and_is_refused_for_another_session()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TK3000002");
        var sessionId = await _kiosk.ThroughDocumentAsync(traveller);
        var command = new SubmitCurrencyDeclaration(sessionId, Guid.NewGuid(),
            DepartureSupport.DepartureJson(_server.AirportToday(), "TANAKA HANAKO", "TK3000002", null, null, ("JPY", 300_000m)));

        var first = await _kiosk.Hub().SubmitCurrencyDeclaration(command);
        var again = await _kiosk.Hub().SubmitCurrencyDeclaration(command);

        // ¥300,000 is not over ¥1,000,000: stored, nothing more to do.
        Assert.Equal((false, 300_000m, CurrencyNextStep.Continue), (first.DeclarationRequired, first.TotalInReportingCurrency!.Value, first.Next!.Value));
        Assert.Equal(first, again);
        Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM currency_declarations WHERE session_id = '{sessionId}'"));

        var otherSession = await _kiosk.ThroughDocumentAsync(SimulatedTraveller.Create(_pki, "TK3000003"));
        var reused = await _kiosk.Hub().SubmitCurrencyDeclaration(command with { SessionId = otherSession });
        Assert.Equal(CurrencyDeclarationProblem.CommandReused, reused.Problem);
        Assert.Null(reused.DeclarationNumber);
        Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM currency_declarations WHERE session_id = '{otherSession}'"));
    }

    [Fact]
    public async Task A_session_without_a_verified_document_or_of_another_kiosk_is_refused_and_nothing_is_stored()
    {
        var today = _server.AirportToday();
        var traveller = SimulatedTraveller.Create(_pki, "TK3000004");
        var json = DepartureSupport.DepartureJson(today, "TANAKA HANAKO", "TK3000004", null, null, ("JPY", 1_500_000m));
        var before = await db.ScalarAsync<long>("SELECT count(*) FROM currency_declarations");

        var opened = Guid.NewGuid();
        await _kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(opened));
        var nothingRead = await _kiosk.Hub().SubmitCurrencyDeclaration(new SubmitCurrencyDeclaration(opened, Guid.NewGuid(), json));

        // The MRZ alone (no chip): read, but never verified; the session is referred as not an IC passport.
        var mrzOnly = Guid.NewGuid();
        await _kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(mrzOnly));
        var read = await _kiosk.Hub().SubmitDocument(new SubmitDocument(mrzOnly, Guid.NewGuid(), traveller.MrzLines, null));
        Assert.Equal(SessionLane.Red, read.Lane);
        var unverified = await _kiosk.Hub().SubmitCurrencyDeclaration(new SubmitCurrencyDeclaration(mrzOnly, Guid.NewGuid(), json));

        var verified = await _kiosk.ThroughDocumentAsync(traveller);
        await using var otherKiosk = _server.KioskConnection(await _server.RegisterKioskAsync("NRT-C2"));
        await otherKiosk.StartAsync();
        var foreign = await otherKiosk.Hub().SubmitCurrencyDeclaration(new SubmitCurrencyDeclaration(verified, Guid.NewGuid(), json));

        Assert.Equal(CurrencyDeclarationProblem.NoVerifiedDocument, nothingRead.Problem);
        Assert.Equal(CurrencyDeclarationProblem.NoVerifiedDocument, unverified.Problem);
        Assert.Equal(CurrencyDeclarationProblem.OtherKiosk, foreign.Problem);
        Assert.All(new[] { nothingRead, unverified, foreign }, a =>
        {
            Assert.Null(a.DeclarationNumber);
            Assert.Null(a.TotalInReportingCurrency);
            Assert.Null(a.Next);
        });
        Assert.Equal(before, await db.ScalarAsync<long>("SELECT count(*) FROM currency_declarations"));
    }

    [Fact]
    public async Task After_a_yes_to_the_payment_means_question_on_arrival_the_kiosk_is_told_to_take_a_currency_declaration_and_it_is_accepted_for_that_session()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TK3000005");
        var withYes = traveller.Declaration().Replace("\"paymentMeansOverThreshold\": false", "\"paymentMeansOverThreshold\": true", StringComparison.Ordinal);
        Assert.NotEqual(traveller.Declaration(), withYes);
        var sessionId = await _kiosk.ThroughFaceAsync(traveller);

        var decided = await _kiosk.Hub().SubmitDeclaration(new SubmitDeclaration(sessionId, Guid.NewGuid(), null, withYes));

        // DOMAIN.md §2: a "yes" means a separate payment-means declaration, checked by an officer (red lane).
        Assert.True(decided.CurrencyDeclarationExpected);
        Assert.Equal(SessionLane.Red, decided.Lane);

        // US$8,000 at ¥150.00 = ¥1,200,000: over ¥1,000,000; on arrival the officer checks it.
        var json = DepartureSupport.DepartureJson(_server.AirportToday(), "TANAKA HANAKO", "TK3000005", null, null, ("USD", 8_000m))
            .Replace("\"direction\":\"departure\"", "\"direction\":\"arrival\"", StringComparison.Ordinal)
            .Replace("\"destinationCountry\":\"KOR\",", "", StringComparison.Ordinal);
        var answer = await _kiosk.Hub().SubmitCurrencyDeclaration(new SubmitCurrencyDeclaration(sessionId, Guid.NewGuid(), json));

        Assert.Null(answer.Problem);
        Assert.Equal((true, 1_200_000m, CurrencyNextStep.Officer), (answer.DeclarationRequired, answer.TotalInReportingCurrency!.Value, answer.Next!.Value));
        Assert.Equal($"arrival|{sessionId}", await db.ScalarAsync<string>($"SELECT direction || '|' || session_id FROM currency_declarations WHERE command_id IS NOT NULL AND session_id = '{sessionId}'"));
    }

    [Fact]
    public async Task An_arrival_declaration_answering_no_to_payment_means_does_not_ask_for_a_currency_declaration()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TK3000006");
        var sessionId = await _kiosk.ThroughFaceAsync(traveller);

        var decided = await _kiosk.Hub().SubmitDeclaration(new SubmitDeclaration(sessionId, Guid.NewGuid(), null, traveller.Declaration()));

        Assert.Equal(SessionLane.Green, decided.Lane);
        Assert.False(decided.CurrencyDeclarationExpected);
    }

    public static TheoryData<string> NotKiosks => ["anonymous", "officer", "departure"];

    [Theory]
    [MemberData(nameof(NotKiosks))]
    public async Task A_caller_that_is_not_a_kiosk_cannot_reach_the_kiosk_currency_declaration(string caller)
    {
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(_server.BaseAddress, HubPaths.Kiosk), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            if (caller != "anonymous")
            {
                o.Headers["Cookie"] = (caller == "officer" ? _server.Officer : _departure).CookieHeader;
            }
        }).Build();

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync());
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(() => connection.Hub().SubmitCurrencyDeclaration(new SubmitCurrencyDeclaration(Guid.NewGuid(), Guid.NewGuid(), "{}")));
    }

    [Fact]
    public async Task A_registered_kiosk_reaches_the_kiosk_currency_declaration()
    {
        var sessionId = Guid.NewGuid();
        await _kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId));

        var answer = await _kiosk.Hub().SubmitCurrencyDeclaration(new SubmitCurrencyDeclaration(sessionId, Guid.NewGuid(), "{}"));

        // Answered as a caller (the session simply has no passport yet), not refused at the door.
        Assert.Equal((sessionId, CurrencyDeclarationProblem.NoVerifiedDocument), (answer.SessionId, answer.Problem!.Value));
    }
}
