using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Arrival;

/// <summary>
/// The service, not the kiosk, decides whether a chip proved it is the original (ICAO Doc 9303-11 §6.1): AA is due
/// when the signed EF.SOD lists DG15, the challenge is the one the session's open answer issued, and the chip's
/// signature is verified on the service with the DG15 key — over real SignalR, Kestrel and PostgreSQL, with the chip
/// read by the real ICAO reader from a simulated passport.
/// </summary>
public sealed class ActiveAuthenticationTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly TestPki _pki = TestPki.Create("UT", new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly string _trust = Directory.CreateTempSubdirectory("pgate-trust-").FullName;
    private RunningServer _server = null!;
    private HubConnection _kiosk = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllBytesAsync(Path.Combine(_trust, "test-csca.cer"), _pki.CscaCertificate.RawData);
        _server = await RunningServer.StartAsync(db.ConnectionString, configure: c => c["Documents:TrustListPath"] = _trust);
        await RiskSetup.InstallAsync(_server.Services, 0.0);
        _kiosk = _server.KioskConnection(await _server.RegisterKioskAsync("HND-AA"));
        await _kiosk.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _kiosk.DisposeAsync();
        await _server.DisposeAsync();
        _pki.Dispose();
        Directory.Delete(_trust, recursive: true);
    }

    [Theory]
    [InlineData(AaKeyType.Rsa1024, "TA0000001")]
    [InlineData(AaKeyType.EcdsaP256, "TA0000002")]
    public async Task A_genuine_chip_answering_the_session_challenge_is_verified_by_the_service(AaKeyType key, string documentNumber)
    {
        var traveller = SimulatedTraveller.Create(_pki, documentNumber, activeAuthentication: key);
        var (sessionId, challenge) = await OpenAsync();

        var update = await SubmitAsync(sessionId, traveller, await traveller.ReadChipAsync(challenge, _kiosk, sessionId));

        Assert.Equal((SessionState.DocumentVerified, (SessionStep?)SessionStep.Face), (update.State, update.Next));
        Assert.Equal("Valid", await FactAsync(sessionId));
    }

    [Fact]
    public async Task A_chip_without_an_active_authentication_key_in_its_SOD_is_not_asked_for_one()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TA0000003", activeAuthentication: AaKeyType.None);
        var (sessionId, challenge) = await OpenAsync();

        var update = await SubmitAsync(sessionId, traveller, await traveller.ReadChipAsync(challenge, _kiosk, sessionId));

        Assert.Equal(SessionState.DocumentVerified, update.State);
        Assert.Equal("NotRequired", await FactAsync(sessionId));
    }

    [Fact]
    public async Task A_cloned_chip_that_cannot_answer_active_authentication_is_referred_as_missing_it()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TA0000004", ChipFaultMode.ClonedWithoutActiveAuthentication);
        var (sessionId, challenge) = await OpenAsync();

        var update = await SubmitAsync(sessionId, traveller, await traveller.ReadChipAsync(challenge, _kiosk, sessionId));

        Assert.Equal(SessionLane.Red, update.Lane);
        Assert.Equal(TravellerReason.SeeOfficer, Assert.Single(update.Reasons));
        Assert.Equal("CHIP_AA_MISSING", Assert.Single(await SessionRecords.ReferralReasonsAsync(db, sessionId)).Code);
        Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM referrals WHERE session_id = '{sessionId}' AND reasons @> '[{{\"code\":\"CHIP_AA_MISSING\"}}]'"));
    }

    [Fact]
    public async Task A_clone_whose_EF_COM_hides_DG15_still_owes_active_authentication_because_the_SOD_lists_it()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TA0000005", ChipFaultMode.ClonedHidingActiveAuthentication);
        var (sessionId, challenge) = await OpenAsync();
        var reading = await traveller.ReadChipAsync(challenge, _kiosk, sessionId);

        var update = await SubmitAsync(sessionId, traveller, reading);

        Assert.False(reading.DataGroups.ContainsKey(15));
        Assert.Equal(SessionLane.Red, update.Lane);
        Assert.Equal(TravellerReason.SeeOfficer, Assert.Single(update.Reasons));
        Assert.Equal("CHIP_AA_MISSING", Assert.Single(await SessionRecords.ReferralReasonsAsync(db, sessionId)).Code);
    }

    [Fact]
    public async Task A_kiosk_that_leaves_out_DG15_and_the_chip_answer_cannot_skip_active_authentication()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TA0000006");
        var (sessionId, challenge) = await OpenAsync();
        var genuine = await traveller.ReadChipAsync(challenge, _kiosk, sessionId);

        var update = await SubmitAsync(sessionId, traveller, genuine with
        {
            DataGroups = genuine.DataGroups.Where(g => g.Key != 15).ToDictionary(),
            ActiveAuthentication = null,
        });

        Assert.Equal(TravellerReason.SeeOfficer, Assert.Single(update.Reasons));
        Assert.Equal("CHIP_AA_MISSING", Assert.Single(await SessionRecords.ReferralReasonsAsync(db, sessionId)).Code);
    }

    [Fact]
    public async Task A_kiosk_sending_a_bad_signature_for_the_right_challenge_is_referred_as_failed()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TA0000007");
        var (sessionId, challenge) = await OpenAsync();
        var genuine = await traveller.ReadChipAsync(challenge, _kiosk, sessionId);
        var signature = (byte[])genuine.ActiveAuthentication!.Signature.Clone();
        signature[signature.Length / 2] ^= 0x01;

        var update = await SubmitAsync(sessionId, traveller, genuine with { ActiveAuthentication = genuine.ActiveAuthentication with { Signature = signature } });

        Assert.Equal(SessionLane.Red, update.Lane);
        Assert.Equal(TravellerReason.SeeOfficer, Assert.Single(update.Reasons));
        Assert.Equal("CHIP_AA_FAILED", Assert.Single(await SessionRecords.ReferralReasonsAsync(db, sessionId)).Code);
        Assert.Equal("Failed", await FactAsync(sessionId));
    }

    [Fact]
    public async Task A_genuine_chip_response_recorded_in_another_session_cannot_be_replayed()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TA0000008");
        var (first, firstChallenge) = await OpenAsync();
        var recorded = await traveller.ReadChipAsync(firstChallenge, _kiosk, first);
        var (second, secondChallenge) = await OpenAsync();

        var update = await SubmitAsync(second, traveller, recorded);

        Assert.NotEqual(firstChallenge, secondChallenge);
        // The replayed Chip Authentication answers were made under the first session's keys: that fails too.
        Assert.Equal(["CHIP_AA_FAILED", "CHIP_CA_MISSING"], (await SessionRecords.ReferralReasonsAsync(db, second)).Select(r => r.Code).Order(StringComparer.Ordinal));
        Assert.Equal(SessionState.DocumentVerified, (await SubmitAsync(first, traveller, recorded)).State);
    }

    [Fact]
    public async Task A_retried_open_answers_with_the_same_eight_byte_challenge()
    {
        var sessionId = Guid.NewGuid();
        var first = await _kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId));
        var retried = await _kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId));

        Assert.Equal(8, first.ChipChallenge?.Length);
        Assert.Equal(first.ChipChallenge, retried.ChipChallenge);
    }

    private async Task<(Guid SessionId, byte[]? Challenge)> OpenAsync()
    {
        var sessionId = Guid.NewGuid();
        var opened = await _kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId));
        return (sessionId, opened.ChipChallenge);
    }

    private async Task<SessionUpdate> SubmitAsync(Guid sessionId, SimulatedTraveller traveller, ChipReading reading) =>
        await _kiosk.Hub().SubmitDocument(new SubmitDocument(sessionId, Guid.NewGuid(), traveller.MrzLines, reading));

    private async Task<string?> FactAsync(Guid sessionId) =>
        await db.ScalarAsync<string>($"SELECT facts->'document'->>'activeAuthentication' FROM arrival_sessions WHERE session_id = '{sessionId}'");
}
