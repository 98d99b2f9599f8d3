using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Contracts.Officer;
using PassengerGate.Data.Rates;
using PassengerGate.Domain.Currency;
using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Arrival;

/// <summary>
/// The kiosk as the whole declaration terminal (issue 10 point 1, decision 0020): the running assessment of a draft by the
/// service's own assessor, the currencies the kiosk's picker may offer, and a pre-declaration edited and certified at the
/// kiosk — each over real SignalR and PostgreSQL, and each refused to every caller that is not a kiosk.
/// </summary>
public sealed class KioskDeclarationTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly TestPki _pki = TestPki.Create("UT", new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly string _trust = Directory.CreateTempSubdirectory("pgate-trust-").FullName;
    private readonly Dictionary<Guid, byte[]?> _challenges = [];
    private RunningServer _server = null!;
    private HubConnection _kiosk = null!;

    // Four 750 ml bottles of wine and one ¥250,000 handbag. Japan Customs, "Duty-free allowances" (Customs Answer 5001,
    // https://www.customs.go.jp/english/c-answer_e/extsukan/5001_e.htm): three bottles of about 760 ml are free; an
    // article over ¥200,000 gets no allowance. Simplified rates (Answer 5002, .../extsukan/5002_e.htm): wine ¥200 a litre,
    // so the fourth bottle owes 0.75 l × ¥200 = ¥150; an article over ¥100,000 is outside the simplified rates, so an
    // officer assesses the handbag (DOMAIN.md §1).
    private const string WineAndHandbag = """
        { "alcohol": [ { "kind": "wineBeerOther", "bottles": 4, "volumeMlPerBottle": 750 } ],
          "otherGoods": [ { "description": "handbag", "quantity": 1, "unitRetailValue": 250000, "currency": "JPY" } ] }
        """;

    public async Task InitializeAsync()
    {
        await File.WriteAllBytesAsync(Path.Combine(_trust, "test-csca.cer"), _pki.CscaCertificate.RawData);
        _server = await RunningServer.StartAsync(db.ConnectionString, configure: c => c["Documents:TrustListPath"] = _trust);
        await RiskSetup.InstallAsync(_server.Services, 0.0);
        _kiosk = _server.KioskConnection(await _server.RegisterKioskAsync("HND-D1"));
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
    public async Task A_kiosk_gets_the_running_assessment_of_wine_and_a_handbag_and_nothing_is_stored()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TK2000001");
        var before = await RowsAsync();

        var draft = await _kiosk.Hub().AssessDeclarationDraft(new AssessDeclarationDraft(traveller.Declaration(goodsOverAllowance: true, goods: WineAndHandbag)));

        Assert.Empty(draft.FieldErrors);
        var wine = Assert.Single(draft.Lines, l => l.Category == DraftGoodsCategory.Alcohol);
        Assert.Equal((4m, 3m, 1m, 150m, DraftLineOutcome.Dutiable), (wine.Quantity, wine.FreeQuantity, wine.DutiableQuantity, wine.DutyYen, wine.Outcome));
        var handbag = Assert.Single(draft.Lines, l => l.Category == DraftGoodsCategory.OtherGoods);
        Assert.Equal((0m, DraftLineOutcome.ReferredToOfficer), (handbag.FreeQuantity, handbag.Outcome));
        Assert.Equal(250_000m, handbag.OverseasValueYen);
        Assert.True(draft.OverAllowance);
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task A_draft_the_schema_refuses_comes_back_with_its_fields_and_no_lines()
    {
        var draft = await _kiosk.Hub().AssessDeclarationDraft(new AssessDeclarationDraft("""{ "schemaVersion": 1, "goods": { "cigarettes": -1 } }"""));

        Assert.Empty(draft.Lines);
        Assert.Contains(draft.FieldErrors, e => e.Path == "$.goods.cigarettes");
        Assert.True(draft.Incomplete);
    }

    [Fact]
    public async Task The_currency_picker_offers_yen_and_only_the_currencies_with_a_rate_this_week()
    {
        var today = SimulatedTraveller.TodayInTokyo;
        string Row(string currency, DateOnly from, DateOnly to) =>
            string.Create(CultureInfo.InvariantCulture, $"{currency},{from:yyyy-MM-dd},{to:yyyy-MM-dd},100.00,test rate");
        var csv = string.Join('\n', CustomsRateTable.CsvHeader, Row("USD", today.AddDays(-2), today.AddDays(4)), Row("EUR", today.AddDays(-2), today.AddDays(4)),
            Row("GBP", today.AddDays(-20), today.AddDays(-14))) + "\n";
        await _server.Services.GetRequiredService<RateStore>().ImportRatesAsync(CustomsRateTable.FromCsv(csv).Table!, TimeProvider.System.GetUtcNow(), default);

        var currencies = await _kiosk.Hub().GetDeclarationCurrencies();

        Assert.Equal(today, currencies.AsOf);
        Assert.Equal(["JPY", "EUR", "USD"], currencies.Currencies);
    }

    [Fact]
    public async Task A_pre_declaration_edited_at_the_kiosk_is_decided_on_the_certified_version_and_the_case_says_so()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TK2000002");
        var qr = await PreDeclareAsync(traveller.Declaration(goods: """{ "alcohol": [ { "kind": "wineBeerOther", "bottles": 2, "volumeMlPerBottle": 750 } ] }"""));
        var sessionId = await ThroughFaceAsync(traveller);

        // At the kiosk the traveller remembers the other two bottles and the handbag.
        var update = await _kiosk.Hub().SubmitEditedPreDeclaration(new SubmitEditedPreDeclaration(sessionId, Guid.NewGuid(), qr, traveller.Declaration(goodsOverAllowance: true, goods: WineAndHandbag)));

        Assert.Equal(SessionLane.Red, update.Lane);
        Assert.Contains(TravellerReason.DutyDue, update.Reasons);
        Assert.Equal("pre-declaration-edited-at-kiosk", await db.ScalarAsync<string>($"SELECT facts->'declaration'->>'source' FROM arrival_sessions WHERE session_id = '{sessionId}'"));
        Assert.Equal("true", await db.ScalarAsync<string>($"SELECT facts->'declaration'->'edit'->>'changed' FROM arrival_sessions WHERE session_id = '{sessionId}'"));
        Assert.Equal("2", await db.ScalarAsync<string>($"SELECT facts->'declaration'->'edit'->'preDeclared'->'goods'->'alcohol'->0->>'bottles' FROM arrival_sessions WHERE session_id = '{sessionId}'"));
        Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM predeclarations p JOIN arrival_sessions s ON p.predeclaration_id::text = s.facts->'declaration'->'edit'->>'preDeclarationId' WHERE s.session_id = '{sessionId}' AND p.used_at IS NOT NULL"));

        var caseNumber = update.CaseNumber ?? await db.ScalarAsync<long>($"SELECT case_number FROM referrals WHERE session_id = '{sessionId}'");
        await using var officer = _server.OfficerConnection();
        await officer.StartAsync();
        var view = await officer.InvokeAsync<CaseView>(nameof(IOfficerHub.GetCase), caseNumber);
        Assert.NotNull(view.Declaration);
        Assert.Equal(2, view.Declaration!.Lines.Count);
        Assert.Equal(150m, view.Declaration.TotalDutyYen);
    }

    [Fact]
    public async Task An_edited_pre_declaration_is_validated_like_any_and_bound_to_the_verified_passport()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TK2000003");
        var other = SimulatedTraveller.Create(_pki, "TK2999999");
        var qr = await PreDeclareAsync(traveller.Declaration());
        var sessionId = await ThroughFaceAsync(traveller);

        var otherPassport = await _kiosk.Hub().SubmitEditedPreDeclaration(new SubmitEditedPreDeclaration(sessionId, Guid.NewGuid(), qr, other.Declaration()));
        var invalid = await _kiosk.Hub().SubmitEditedPreDeclaration(new SubmitEditedPreDeclaration(sessionId, Guid.NewGuid(), qr, traveller.Declaration(goods: """{ "cigarettes": -5 }""")));
        var forged = await _kiosk.Hub().SubmitEditedPreDeclaration(new SubmitEditedPreDeclaration(sessionId, Guid.NewGuid(), "not a signed pre-declaration", traveller.Declaration()));

        Assert.Equal((SessionState.FaceVerified, "DECLARATION_OTHER_PASSPORT"), (otherPassport.State, otherPassport.Problem?.Code));
        Assert.Equal((SessionState.FaceVerified, "DECLARATION_INVALID"), (invalid.State, invalid.Problem?.Code));
        Assert.Contains(invalid.FieldErrors ?? [], e => e.Path == "$.goods.cigarettes");
        Assert.Equal(SessionState.FaceVerified, forged.State);
        Assert.StartsWith("QR_", forged.Problem?.Code, StringComparison.Ordinal);

        var unchanged = await _kiosk.Hub().SubmitEditedPreDeclaration(new SubmitEditedPreDeclaration(sessionId, Guid.NewGuid(), qr, traveller.Declaration()));
        Assert.Equal(SessionLane.Green, unchanged.Lane);
        Assert.Equal("false", await db.ScalarAsync<string>($"SELECT facts->'declaration'->'edit'->>'changed' FROM arrival_sessions WHERE session_id = '{sessionId}'"));
    }

    public static TheoryData<string> KioskOnlyMethods => [nameof(IKioskHub.AssessDeclarationDraft), nameof(IKioskHub.GetDeclarationCurrencies), nameof(IKioskHub.SubmitEditedPreDeclaration)];

    [Theory]
    [MemberData(nameof(KioskOnlyMethods))]
    public async Task An_officer_cookie_cannot_reach_the_kiosk_method_on_either_hub(string method)
    {
        // On the kiosk hub the connection itself is refused (the kiosk credential policy) ...
        await using var onKioskHub = new HubConnectionBuilder().WithUrl(new Uri(_server.BaseAddress, PassengerGate.Contracts.HubPaths.Kiosk), o =>
        {
            o.Headers["Cookie"] = _server.Officer.CookieHeader;
            o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
        }).Build();
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => onKioskHub.StartAsync());
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);

        // ... and the officer hub has no such method.
        await using var officer = _server.OfficerConnection();
        await officer.StartAsync();
        await Assert.ThrowsAsync<HubException>(() => Invoke(officer, method));
    }

    [Theory]
    [MemberData(nameof(KioskOnlyMethods))]
    public async Task An_anonymous_caller_cannot_reach_the_kiosk_method(string method)
    {
        await using var anonymous = _server.KioskConnection("");
        await Assert.ThrowsAnyAsync<Exception>(() => anonymous.StartAsync());
        Assert.Equal(HubConnectionState.Disconnected, anonymous.State);
        await Assert.ThrowsAnyAsync<Exception>(() => Invoke(anonymous, method));
    }

    [Theory]
    [MemberData(nameof(KioskOnlyMethods))]
    public async Task A_registered_kiosk_reaches_the_method(string method)
    {
        // A session of its own, just opened: the edited declaration is answered (not yet expected), not refused as a caller.
        var sessionId = Guid.NewGuid();
        await _kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId));

        var answer = await Invoke(_kiosk, method, sessionId);

        Assert.NotNull(answer);
    }

    private static Task<object?> Invoke(HubConnection connection, string method, Guid sessionId = default) => method switch
    {
        nameof(IKioskHub.AssessDeclarationDraft) => connection.InvokeAsync<object?>(method, new AssessDeclarationDraft("{}")),
        nameof(IKioskHub.GetDeclarationCurrencies) => connection.InvokeAsync<object?>(method),
        _ => connection.InvokeAsync<object?>(method, new SubmitEditedPreDeclaration(sessionId == default ? Guid.NewGuid() : sessionId, Guid.NewGuid(), "x", "{}")),
    };

    private async Task<(long Sessions, long Audit, long Commands)> RowsAsync() => (
        await db.ScalarAsync<long>("SELECT count(*) FROM arrival_sessions"),
        await db.ScalarAsync<long>("SELECT count(*) FROM audit_events"),
        await db.ScalarAsync<long>("SELECT count(*) FROM processed_commands"));

    private async Task<string> PreDeclareAsync(string declarationJson)
    {
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        using var content = new StringContent(declarationJson, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/api/predeclarations", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("qrText").GetString()!;
    }

    private async Task<Guid> ThroughFaceAsync(SimulatedTraveller traveller)
    {
        var sessionId = Guid.NewGuid();
        var opened = await _kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId));
        _challenges[sessionId] = opened.ChipChallenge;
        await _kiosk.Hub().SubmitDocument(new SubmitDocument(sessionId, Guid.NewGuid(), traveller.MrzLines, await traveller.ReadChipAsync(opened.ChipChallenge, _kiosk, sessionId)));
        var face = await _kiosk.Hub().SubmitFaceResult(new SubmitFaceResult(sessionId, Guid.NewGuid(), SimulatedTraveller.GoodFace()));
        Assert.Equal(SessionState.FaceVerified, face.State);
        return sessionId;
    }
}
