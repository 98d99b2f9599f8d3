using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.Icao.ChipAuthentication;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Arrival;

/// <summary>
/// The service, not the kiosk, decides whether a chip passed Chip Authentication (ICAO Doc 9303-11 §6.2, decision 0014):
/// CA is due when the signed EF.SOD lists DG14 and DG14 offers a CA key; the service issues the key agreement during the
/// chip read and checks the chip's answers under keys the kiosk never sees — over real SignalR, Kestrel and PostgreSQL,
/// with the chip read by the real ICAO reader from a simulated passport.
/// </summary>
public sealed class ChipAuthenticationTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly TestPki _pki = TestPki.Create("UT", new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly string _trust = Directory.CreateTempSubdirectory("pgate-trust-").FullName;
    private RunningServer _server = null!;
    private HubConnection _kiosk = null!;
    private HubConnection _otherKiosk = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllBytesAsync(Path.Combine(_trust, "test-csca.cer"), _pki.CscaCertificate.RawData);
        _server = await RunningServer.StartAsync(db.ConnectionString, configure: c => c["Documents:TrustListPath"] = _trust);
        await RiskSetup.InstallAsync(_server.Services, 0.0);
        _kiosk = _server.KioskConnection(await _server.RegisterKioskAsync("HND-CA"));
        _otherKiosk = _server.KioskConnection(await _server.RegisterKioskAsync("HND-CA-2"));
        await _kiosk.StartAsync();
        await _otherKiosk.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _kiosk.DisposeAsync();
        await _otherKiosk.DisposeAsync();
        await _server.DisposeAsync();
        _pki.Dispose();
        Directory.Delete(_trust, recursive: true);
    }

    [Theory]
    [InlineData(ChipAuthenticationInfos.CaEcdhAes128, "TB0000001")]
    [InlineData(ChipAuthenticationInfos.CaEcdh3Des, "TB0000002")]
    public async Task A_genuine_chip_passes_chip_authentication_checked_by_the_service(string protocol, string documentNumber)
    {
        var traveller = SimulatedTraveller.Create(_pki, documentNumber, chipAuthentication: protocol);
        var (sessionId, challenge) = await OpenAsync();

        var update = await SubmitAsync(sessionId, traveller, await traveller.ReadChipAsync(challenge, _kiosk, sessionId));

        Assert.Equal((SessionState.DocumentVerified, (SessionStep?)SessionStep.Face), (update.State, update.Next));
        Assert.Equal("Valid", await FactAsync(sessionId));
    }

    [Fact]
    public async Task A_chip_whose_SOD_lists_no_DG14_is_not_asked_for_chip_authentication()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TB0000003", chipAuthentication: null);
        var (sessionId, challenge) = await OpenAsync();

        var update = await SubmitAsync(sessionId, traveller, await traveller.ReadChipAsync(challenge, _kiosk, sessionId));

        Assert.Equal(SessionState.DocumentVerified, update.State);
        Assert.Equal("NotRequired", await FactAsync(sessionId));
    }

    [Fact]
    public async Task A_clone_without_the_private_key_is_referred_as_failed()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TB0000004", ChipFaultMode.ClonedWithoutChipAuthenticationKey);
        var (sessionId, challenge) = await OpenAsync();

        var update = await SubmitAsync(sessionId, traveller, await traveller.ReadChipAsync(challenge, _kiosk, sessionId));

        Assert.Equal(SessionLane.Red, update.Lane);
        Assert.Equal(TravellerReason.SeeOfficer, Assert.Single(update.Reasons));
        Assert.Equal("CHIP_CA_FAILED", Assert.Single(await SessionRecords.ReferralReasonsAsync(db, sessionId)).Code);
        Assert.Equal("Failed", await FactAsync(sessionId));
    }

    [Fact]
    public async Task A_clone_refusing_chip_authentication_is_referred_as_missing_it()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TB0000005", ChipFaultMode.ClonedRefusingChipAuthentication);
        var (sessionId, challenge) = await OpenAsync();

        var update = await SubmitAsync(sessionId, traveller, await traveller.ReadChipAsync(challenge, _kiosk, sessionId));

        Assert.Equal(SessionLane.Red, update.Lane);
        Assert.Equal(TravellerReason.SeeOfficer, Assert.Single(update.Reasons));
        Assert.Equal("CHIP_CA_MISSING", Assert.Single(await SessionRecords.ReferralReasonsAsync(db, sessionId)).Code);
        Assert.Equal("Missing", await FactAsync(sessionId));
    }

    [Fact]
    public async Task A_kiosk_that_never_asks_for_the_key_agreement_cannot_skip_chip_authentication()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TB0000006");
        var (sessionId, challenge) = await OpenAsync();

        var update = await SubmitAsync(sessionId, traveller, await traveller.ReadChipAsync(challenge));

        Assert.Equal(SessionLane.Red, update.Lane);
        Assert.Equal("CHIP_CA_MISSING", Assert.Single(await SessionRecords.ReferralReasonsAsync(db, sessionId)).Code);
    }

    [Fact]
    public async Task A_kiosk_claiming_success_with_made_up_answers_is_referred_as_failed()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TB0000007");
        var (sessionId, challenge) = await OpenAsync();
        var genuine = await traveller.ReadChipAsync(challenge, _kiosk, sessionId);
        var forged = genuine.ChipAuthentication! with { Responses = [.. genuine.ChipAuthentication!.Responses.Select(r => r.Select(b => (byte)(b ^ 0x5A)).ToArray())] };

        var update = await SubmitAsync(sessionId, traveller, genuine with { ChipAuthentication = forged });

        Assert.Equal(SessionLane.Red, update.Lane);
        Assert.Equal("CHIP_CA_FAILED", Assert.Single(await SessionRecords.ReferralReasonsAsync(db, sessionId)).Code);
    }

    [Fact]
    public async Task Only_the_kiosk_holding_the_session_gets_a_key_agreement()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TB0000008");
        var (sessionId, _) = await OpenAsync();

        await Assert.ThrowsAsync<HubException>(() => _otherKiosk.Hub().RequestChipAuthentication(new RequestChipAuthentication(sessionId, traveller.Passport.DataGroups[14])));
        var agreement = await _kiosk.Hub().RequestChipAuthentication(new RequestChipAuthentication(sessionId, traveller.Passport.DataGroups[14]));
        Assert.Equal(ChipAuthenticationInfos.CaEcdhAes128, agreement?.Protocol);
        Assert.Equal(2, agreement?.ProtectedCommands.Count);
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
        await db.ScalarAsync<string>($"SELECT facts->'document'->>'chipAuthentication' FROM arrival_sessions WHERE session_id = '{sessionId}'");
}
