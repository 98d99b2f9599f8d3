using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Contracts.Officer;
using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Arrival;

/// <summary>
/// A kiosk takes a traveller with a simulated e-passport through the whole arrival session:
/// document (MRZ + chip, passive authentication re-run by the service against its trust list),
/// face result, declaration, lane — over real SignalR, Kestrel and PostgreSQL.
/// </summary>
public sealed class ArrivalFlowTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly TestPki _pki = TestPki.Create("UT", new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly string _trust = Directory.CreateTempSubdirectory("pgate-trust-").FullName;
    private RunningServer _server = null!;
    private HubConnection _kiosk = null!;

    /// <summary>The Active Authentication challenge each session's open answer issued, answered by the chip as a kiosk does.</summary>
    private readonly Dictionary<Guid, byte[]?> _challenges = [];

    /// <summary>No random selection in these tests: each lane must follow from its inputs alone.</summary>
    private const double RandomRate = 0.0;

    public async Task InitializeAsync()
    {
        await File.WriteAllBytesAsync(Path.Combine(_trust, "test-csca.cer"), _pki.CscaCertificate.RawData);
        _server = await RunningServer.StartAsync(db.ConnectionString, configure: c => c["Documents:TrustListPath"] = _trust);
        await RiskSetup.InstallAsync(_server.Services, RandomRate);
        _kiosk = _server.KioskConnection(await _server.RegisterKioskAsync("HND-F1"));
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
    public async Task A_verified_passport_a_matching_face_and_nothing_to_declare_reach_the_e_gate()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TK1000001");
        var sessionId = await OpenAsync();

        var afterDocument = await SubmitDocumentAsync(sessionId, traveller);
        Assert.Equal((SessionState.DocumentVerified, (SessionStep?)SessionStep.Face), (afterDocument.State, afterDocument.Next));
        var afterFace = await _kiosk.Hub().SubmitFaceResult(new SubmitFaceResult(sessionId, Guid.NewGuid(), SimulatedTraveller.GoodFace()));
        Assert.Equal((SessionState.FaceVerified, (SessionStep?)SessionStep.Declaration), (afterFace.State, afterFace.Next));
        var final = await _kiosk.Hub().SubmitDeclaration(new SubmitDeclaration(sessionId, Guid.NewGuid(), null, traveller.Declaration()));

        Assert.Equal(SessionLane.Green, final.Lane);
        Assert.Empty(final.Reasons);
        // Opened → DocumentRead → DocumentVerified → FaceVerified → DeclarationBound → Released.
        Assert.Equal("OK", await db.ScalarAsync<string>($"SELECT facts->'document'->>'passiveAuthentication' FROM arrival_sessions WHERE session_id = '{sessionId}'"));
        Assert.Equal(5L, await db.ScalarAsync<long>($"SELECT count(*) FROM session_transitions WHERE session_id = '{sessionId}'"));
    }

    [Fact]
    public async Task One_yes_answer_sends_the_traveller_to_an_officer_with_that_reason_on_the_console()
    {
        await using var officer = _server.OfficerConnection();
        var raised = new TaskCompletionSource<ReferralNotice>(TaskCreationOptions.RunContinuationsAsynchronously);
        officer.On<ReferralNotice>(nameof(IOfficerClient.ReferralRaised), r => raised.TrySetResult(r));
        await officer.StartAsync();
        var traveller = SimulatedTraveller.Create(_pki, "TK1000002");
        var sessionId = await OpenAsync();
        await SubmitDocumentAsync(sessionId, traveller);
        await _kiosk.Hub().SubmitFaceResult(new SubmitFaceResult(sessionId, Guid.NewGuid(), SimulatedTraveller.GoodFace()));

        var final = await _kiosk.Hub().SubmitDeclaration(new SubmitDeclaration(sessionId, Guid.NewGuid(), null, traveller.Declaration(commercialGoods: true)));

        Assert.Equal(SessionLane.Red, final.Lane);
        var referral = await raised.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(sessionId, referral.SessionId);
        Assert.Equal("TK1000002", referral.DocumentNumber);
        // The declaration's "commercial goods" answer is the reason (DOMAIN.md §1 questions).
        Assert.Contains(referral.Reasons, r => r.Code.Contains("commercial", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(ChipFaultMode.TamperedDataGroup, "PA_DG_HASH_MISMATCH", TravellerReason.PassportNotVerified)]
    [InlineData(ChipFaultMode.WrongSignature, "PA_SIGNATURE_INVALID", TravellerReason.PassportNotVerified)]
    [InlineData(ChipFaultMode.UnknownCsca, "PA_UNKNOWN_CSCA", TravellerReason.PassportNotVerified)]
    [InlineData(ChipFaultMode.ExpiredSigner, "PA_DSC_EXPIRED", TravellerReason.PassportNotVerified)]
    [InlineData(ChipFaultMode.Dg1MismatchesPrintedMrz, "PA_DG1_MRZ_MISMATCH", TravellerReason.PassportNotVerified)]
    [InlineData(ChipFaultMode.FailsMidRead, "CHIP_READ_FAILED", TravellerReason.ChipNotRead)]
    // A suspected clone is the officer's to judge: the traveller only hears "see an officer" (decision 0007).
    [InlineData(ChipFaultMode.ClonedChip, "CHIP_AA_FAILED", TravellerReason.SeeOfficer)]
    [InlineData(ChipFaultMode.ClonedWithoutActiveAuthentication, "CHIP_AA_MISSING", TravellerReason.SeeOfficer)]
    [InlineData(ChipFaultMode.ClonedHidingActiveAuthentication, "CHIP_AA_MISSING", TravellerReason.SeeOfficer)]
    [InlineData(ChipFaultMode.ClonedWithoutChipAuthenticationKey, "CHIP_CA_FAILED", TravellerReason.SeeOfficer)]
    [InlineData(ChipFaultMode.ClonedRefusingChipAuthentication, "CHIP_CA_MISSING", TravellerReason.SeeOfficer)]
    public async Task Each_chip_fault_ends_in_a_referral_naming_the_fault_and_a_traveller_safe_reason_at_the_kiosk(ChipFaultMode fault, string expectedCode, TravellerReason shown)
    {
        var traveller = SimulatedTraveller.Create(_pki, $"TF{(int)fault:0000000}", fault);
        var sessionId = await OpenAsync();

        var update = await SubmitDocumentAsync(sessionId, traveller);

        Assert.Equal(SessionLane.Red, update.Lane);
        Assert.Equal([shown], update.Reasons);
        Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM referrals WHERE session_id = '{sessionId}' AND reasons @> '[{{\"code\":\"{expectedCode}\"}}]'"));
    }

    [Fact]
    public async Task A_passport_without_a_chip_goes_to_the_counter()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TK1000003");
        var sessionId = await OpenAsync();
        var update = await _kiosk.Hub().SubmitDocument(new SubmitDocument(sessionId, Guid.NewGuid(), traveller.MrzLines, null));
        Assert.Equal(SessionLane.Red, update.Lane);
        Assert.Equal(TravellerReason.NotChipPassport, Assert.Single(update.Reasons));
    }

    [Fact]
    public async Task A_face_below_the_service_threshold_is_referred_whatever_threshold_the_kiosk_used()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TK1000004");
        var sessionId = await OpenAsync();
        await SubmitDocumentAsync(sessionId, traveller);

        // The kiosk claims a lenient threshold; the service keeps its own (0.38, FaceOptions).
        var update = await _kiosk.Hub().SubmitFaceResult(new SubmitFaceResult(sessionId, Guid.NewGuid(), SimulatedTraveller.GoodFace() with { Score = 0.30, Threshold = 0.10 }));

        Assert.Equal(SessionLane.Red, update.Lane);
        Assert.Contains(TravellerReason.FaceNotMatched, update.Reasons);
    }

    [Fact]
    public async Task Unmeasured_liveness_is_never_taken_as_a_pass()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TK1000005");
        var sessionId = await OpenAsync();
        await SubmitDocumentAsync(sessionId, traveller);

        var update = await _kiosk.Hub().SubmitFaceResult(new SubmitFaceResult(sessionId, Guid.NewGuid(), SimulatedTraveller.GoodFace() with { Live = null }));

        Assert.Equal(SessionLane.Red, update.Lane);
        Assert.Contains(TravellerReason.FaceNotConfirmed, update.Reasons);
    }

    [Fact]
    public async Task An_unmeasured_height_is_never_taken_as_tall_enough_for_the_e_gate()
    {
        // A real kiosk without a height sensor reports null: a child must not be sent to the e-gate on that.
        var traveller = SimulatedTraveller.Create(_pki, "TK1000105");
        var sessionId = await OpenAsync();
        await SubmitDocumentAsync(sessionId, traveller);

        var update = await _kiosk.Hub().SubmitFaceResult(new SubmitFaceResult(sessionId, Guid.NewGuid(), SimulatedTraveller.GoodFace() with { ChildBelowHeight = null }));

        Assert.Equal(SessionLane.Red, update.Lane);
        Assert.Contains(TravellerReason.ServiceProblem, update.Reasons);
        Assert.Contains(await SessionRecords.ReferralReasonsAsync(db, sessionId), r => r.Code == "HEIGHT_NOT_REPORTED");
    }

    [Fact]
    public async Task A_declaration_for_another_passport_is_refused_and_the_session_waits_for_the_right_one()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TK1000006");
        var other = SimulatedTraveller.Create(_pki, "TK9999999");
        var sessionId = await OpenAsync();
        await SubmitDocumentAsync(sessionId, traveller);
        await _kiosk.Hub().SubmitFaceResult(new SubmitFaceResult(sessionId, Guid.NewGuid(), SimulatedTraveller.GoodFace()));

        var refused = await _kiosk.Hub().SubmitDeclaration(new SubmitDeclaration(sessionId, Guid.NewGuid(), null, other.Declaration()));
        Assert.Equal((SessionState.FaceVerified, "DECLARATION_OTHER_PASSPORT"), (refused.State, refused.Problem?.Code));
        var garbage = await _kiosk.Hub().SubmitDeclaration(new SubmitDeclaration(sessionId, Guid.NewGuid(), null, "{ not json"));
        Assert.Equal((SessionState.FaceVerified, "DECLARATION_INVALID"), (garbage.State, garbage.Problem?.Code));

        var accepted = await _kiosk.Hub().SubmitDeclaration(new SubmitDeclaration(sessionId, Guid.NewGuid(), null, traveller.Declaration()));
        Assert.Equal(SessionLane.Green, accepted.Lane);
    }

    [Fact]
    public async Task An_officer_closes_a_referred_case_with_an_outcome()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TK1000007");
        var sessionId = await OpenAsync();
        var red = await _kiosk.Hub().SubmitDocument(new SubmitDocument(sessionId, Guid.NewGuid(), traveller.MrzLines, null));
        var caseNumber = await db.ScalarAsync<long>($"SELECT case_number FROM referrals WHERE session_id = '{sessionId}'");
        await using var officer = _server.OfficerConnection();
        await officer.StartAsync();

        await officer.InvokeAsync<CaseClaim>(nameof(IOfficerHub.ClaimCase), caseNumber);
        var decision = await officer.InvokeAsync<CaseDecision>(nameof(IOfficerHub.DecideCase), new CaseDecisionRequest(caseNumber, CaseOutcome.InspectedNothingFound, "bag checked"));

        Assert.Equal(SessionLane.Red, red.Lane);
        Assert.Equal(CaseOutcome.InspectedNothingFound, decision.Outcome);
        Assert.Equal("Closed", await db.ScalarAsync<string>($"SELECT state FROM arrival_sessions WHERE session_id = '{sessionId}'"));
        Assert.Equal("InspectedNothingFound", await db.ScalarAsync<string>($"SELECT outcome FROM referrals WHERE case_number = {caseNumber}"));
        var open = await officer.InvokeAsync<IReadOnlyList<ReferralNotice>>(nameof(IOfficerHub.GetOpenReferrals));
        Assert.DoesNotContain(open, r => r.CaseNumber == caseNumber);
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() =>
            officer.InvokeAsync<CaseDecision>(nameof(IOfficerHub.DecideCase), new CaseDecisionRequest(caseNumber, CaseOutcome.Released, null)));
    }

    [Fact]
    public async Task A_phone_made_pre_declaration_QR_reaches_green_and_the_same_with_a_yes_answer_reaches_red_on_the_console()
    {
        await using var officer = _server.OfficerConnection();
        var raised = new TaskCompletionSource<ReferralNotice>(TaskCreationOptions.RunContinuationsAsynchronously);
        officer.On<ReferralNotice>(nameof(IOfficerClient.ReferralRaised), r => raised.TrySetResult(r));
        await officer.StartAsync();

        var green = SimulatedTraveller.Create(_pki, "TQ1000001");
        var greenSession = await ThroughFaceAsync(green);
        var greenUpdate = await _kiosk.Hub().SubmitDeclaration(new SubmitDeclaration(greenSession, Guid.NewGuid(), await PreDeclareAsync(green.Declaration()), null));
        Assert.Equal(SessionLane.Green, greenUpdate.Lane);
        Assert.Equal("pre-declaration", await db.ScalarAsync<string>($"SELECT facts->'declaration'->>'source' FROM arrival_sessions WHERE session_id = '{greenSession}'"));

        var red = SimulatedTraveller.Create(_pki, "TQ1000002");
        var redSession = await ThroughFaceAsync(red);
        var redUpdate = await _kiosk.Hub().SubmitDeclaration(new SubmitDeclaration(redSession, Guid.NewGuid(), await PreDeclareAsync(red.Declaration(commercialGoods: true)), null));
        Assert.Equal(SessionLane.Red, redUpdate.Lane);
        var referral = await raised.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(redSession, referral.SessionId);
        Assert.Contains(referral.Reasons, r => r.Code.Contains("commercial", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_QR_whose_payload_was_altered_is_refused_with_a_clear_message_and_the_session_waits()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TQ1000003");
        var sessionId = await ThroughFaceAsync(traveller);
        var qr = await PreDeclareAsync(traveller.Declaration());
        // Change one Base45 character in the middle of the payload (after the "PGD1:" prefix).
        var i = qr.Length / 2;
        var altered = qr[..i] + (qr[i] == 'A' ? 'B' : 'A') + qr[(i + 1)..];

        var refused = await _kiosk.Hub().SubmitDeclaration(new SubmitDeclaration(sessionId, Guid.NewGuid(), altered, null));

        Assert.Equal(SessionState.FaceVerified, refused.State);
        Assert.Null(refused.Lane);
        Assert.NotNull(refused.Problem);
        Assert.StartsWith("QR_", refused.Problem.Code, StringComparison.Ordinal);
        Assert.Contains("cannot be accepted", refused.Problem.Text, StringComparison.Ordinal);
        var accepted = await _kiosk.Hub().SubmitDeclaration(new SubmitDeclaration(sessionId, Guid.NewGuid(), qr, null));
        Assert.Equal(SessionLane.Green, accepted.Lane);
    }

    [Fact]
    public async Task A_fourth_bottle_is_dutiable_and_the_case_has_a_duty_notice()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TQ1000004");
        var sessionId = await ThroughFaceAsync(traveller);
        // DOMAIN.md §5 rule 3: three bottles are free for an adult; the fourth is dutiable.
        var declaration = traveller.Declaration(goodsOverAllowance: true, goods: """{ "alcohol": [ { "kind": "wineBeerOther", "bottles": 4, "volumeMlPerBottle": 750 } ] }""");

        var update = await _kiosk.Hub().SubmitDeclaration(new SubmitDeclaration(sessionId, Guid.NewGuid(), null, declaration));

        Assert.Null(update.Problem);
        Assert.Equal(SessionLane.Red, update.Lane);
        Assert.Contains(TravellerReason.DutyDue, update.Reasons);
        var caseNumber = await db.ScalarAsync<long>($"SELECT case_number FROM referrals WHERE session_id = '{sessionId}'");
        using var http = _server.StaffClient();
        var pdf = await http.GetByteArrayAsync(new Uri($"/api/cases/{caseNumber}/duty-notice.pdf", UriKind.Relative));
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Contains($"DN-{caseNumber}", text, StringComparison.Ordinal);
        Assert.Contains("税関", text, StringComparison.Ordinal);
    }

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
        var sessionId = await OpenAsync();
        await SubmitDocumentAsync(sessionId, traveller);
        var face = await _kiosk.Hub().SubmitFaceResult(new SubmitFaceResult(sessionId, Guid.NewGuid(), SimulatedTraveller.GoodFace()));
        Assert.Equal(SessionState.FaceVerified, face.State);
        return sessionId;
    }

    private async Task<Guid> OpenAsync()
    {
        var sessionId = Guid.NewGuid();
        var opened = await _kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId));
        _challenges[sessionId] = opened.ChipChallenge;
        return sessionId;
    }

    private async Task<SessionUpdate> SubmitDocumentAsync(Guid sessionId, SimulatedTraveller traveller) =>
        await _kiosk.Hub().SubmitDocument(new SubmitDocument(sessionId, Guid.NewGuid(), traveller.MrzLines, await traveller.ReadChipAsync(_challenges.GetValueOrDefault(sessionId), _kiosk, sessionId)));
}
