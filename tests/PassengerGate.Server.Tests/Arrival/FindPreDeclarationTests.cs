using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Contracts.PreDeclarations;
using PassengerGate.Data.Kiosks;
using PassengerGate.Domain.Kiosks;
using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Arrival;

/// <summary>
/// Issue 10 point 1, the Canadian model (decision 0027), over the real service, PostgreSQL and SignalR over WebSockets:
/// at the declaration step the kiosk finds the phone pre-declaration of the passport the session verified, without a
/// scan; only the session's own kiosk, only after the chip and the face, only an unused one.
/// </summary>
public sealed class FindPreDeclarationTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
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
        _kiosk = _server.KioskConnection(await _server.RegisterKioskAsync("NRT-F1"));
        _otherKiosk = _server.KioskConnection(await _server.RegisterKioskAsync("NRT-F2"));
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

    [Fact]
    public async Task After_the_face_the_kiosk_finds_the_passports_phone_declaration_and_once_certified_it_is_not_found_again()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TK3100001");
        var older = await PreDeclareAsync("TK3100001", bottles: 1);
        var newest = await PreDeclareAsync("tk3100001", bottles: 2);
        await PreDeclareAsync("TK3100009", bottles: 3);
        var sessionId = await _kiosk.ThroughFaceAsync(traveller);

        var found = await _kiosk.Hub().FindPreDeclaration(new FindPreDeclaration(sessionId));

        // The newest of the passport's two (the number typed in lower case on the phone is the same passport).
        Assert.Equal(newest, found.QrText);
        Assert.NotEqual(older, found.QrText);

        // Certified unchanged at the kiosk: verified again by the service and released (risk selection off here).
        var json = OpenedJson(found.QrText!);
        var decided = await _kiosk.Hub().SubmitEditedPreDeclaration(new SubmitEditedPreDeclaration(sessionId, Guid.NewGuid(), found.QrText!, json));
        Assert.Null(decided.Problem);
        Assert.Equal(SessionLane.Green, decided.Lane);

        // The used one is not offered again: what a later lookup for the passport finds is the older, still unused, one.
        var store = _server.Services.GetRequiredService<PassengerGate.Data.PreDeclarations.PreDeclarationStore>();
        Assert.Equal(older, await store.FindUnusedForPassportAsync("TK3100001", TimeProvider.System.GetUtcNow(), default));
    }

    [Fact]
    public async Task Nothing_is_found_before_the_face_for_another_kiosks_session_or_for_a_passport_without_one()
    {
        await PreDeclareAsync("TK3200001", bottles: 1);
        var traveller = SimulatedTraveller.Create(_pki, "TK3200001");

        // Chip verified, face not yet checked: a passport laid on the kiosk by someone else shows nothing.
        var sessionId = await _kiosk.ThroughDocumentAsync(traveller);
        Assert.Null((await _kiosk.Hub().FindPreDeclaration(new FindPreDeclaration(sessionId))).QrText);

        var face = await _kiosk.Hub().SubmitFaceResult(new SubmitFaceResult(sessionId, Guid.NewGuid(), SimulatedTraveller.GoodFace()));
        Assert.Equal(SessionState.FaceVerified, face.State);
        Assert.Null((await _otherKiosk.Hub().FindPreDeclaration(new FindPreDeclaration(sessionId))).QrText);
        Assert.Null((await _kiosk.Hub().FindPreDeclaration(new FindPreDeclaration(Guid.NewGuid()))).QrText);
        Assert.NotNull((await _kiosk.Hub().FindPreDeclaration(new FindPreDeclaration(sessionId))).QrText);

        var stranger = await _kiosk.ThroughFaceAsync(SimulatedTraveller.Create(_pki, "TK3200002"));
        Assert.Null((await _kiosk.Hub().FindPreDeclaration(new FindPreDeclaration(stranger))).QrText);
    }

    private async Task<string> PreDeclareAsync(string passportNumber, int bottles)
    {
        var today = _server.AirportToday().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var json = $$"""
            { "schemaVersion": 1, "declarant": { "role": "self" },
              "header": { "flightOrVessel": "NH9", "embarkationPoint": "LAX", "arrivalDate": "{{today}}", "name": "TANAKA HANAKO",
                          "addressInJapan": "Narita, Chiba", "nationality": "JPN", "dateOfBirth": "1990-04-01", "passportNumber": "{{passportNumber}}" },
              "answers": { "prohibitedOrRestricted": false, "goldBullionOrProducts": false, "overDutyFreeAllowance": false,
                           "commercialGoodsOrSamples": false, "carriedForSomeoneElse": false,
                           "paymentMeansOverThreshold": false, "unaccompaniedBaggage": false },
              "goods": { "alcohol": [ { "kind": "wineBeerOther", "bottles": {{bottles}}, "volumeMlPerBottle": 750 } ] } }
            """;
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        using var response = await http.PostAsync(new Uri("/api/predeclarations", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        // Issued a second apart at least, so "newest" is by issue time, not by chance.
        await Task.Delay(1100);
        return JsonDocument.Parse(body).RootElement.GetProperty("qrText").GetString()!;
    }

    private string OpenedJson(string qrText)
    {
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        var keys = PublishedKeyList.Parse(http.GetStringAsync(new Uri("/api/predeclarations/keys", UriKind.Relative)).GetAwaiter().GetResult())!;
        var verified = PreDeclarationQrCodec.Verify(qrText, keys.Keys, TimeProvider.System.GetUtcNow());
        Assert.True(verified.IsValid, verified.Message);
        return verified.Claims!.DeclarationJson;
    }
}
