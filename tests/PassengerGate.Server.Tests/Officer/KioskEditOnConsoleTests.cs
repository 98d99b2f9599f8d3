using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Domain.Staff;
using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Officer;

/// <summary>
/// The officer console in Debian's Chromium over HTTPS shows a kiosk declaration's goods lines with their outcomes and
/// says when the traveller changed a pre-declaration at the kiosk (issue 10, decision 0020). Its own database, so the
/// case it leaves open does not reach OfficerConsoleFlowTests' queue.
/// </summary>
public sealed class KioskEditOnConsoleTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly TestPki _pki = TestPki.Create("UT", new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly string _trust = Directory.CreateTempSubdirectory("pgate-trust-").FullName;
    private RunningServer _server = null!;
    private HubConnection _kiosk = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllBytesAsync(Path.Combine(_trust, "test-csca.cer"), _pki.CscaCertificate.RawData);
        _server = await RunningServer.StartAsync(db.ConnectionString, configure: c => c["Documents:TrustListPath"] = _trust, https: true);
        // No random selection: the lane follows from the declaration alone.
        await RiskSetup.InstallAsync(_server.Services, 0.0);
        _kiosk = _server.KioskConnection(await _server.RegisterKioskAsync("NRT-C2"));
        await _kiosk.StartAsync();
        (_playwright, _browser) = await Chromium.LaunchAsync(Chromium.Trust(_server.Certificate!));
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _kiosk.DisposeAsync();
        await _server.DisposeAsync();
        _pki.Dispose();
        Directory.Delete(_trust, recursive: true);
    }

    [Fact]
    public async Task The_console_shows_wine_and_a_handbag_with_their_outcomes_and_that_the_traveller_changed_the_pre_declaration_at_the_kiosk()
    {
        // Four 750 ml bottles of wine and a ¥250,000 handbag (Japan Customs Answers 5001 and 5002): three bottles free,
        // the fourth owes ¥200 a litre × 0.75 l = ¥150; an article over ¥100,000 is for an officer (DOMAIN.md §1).
        // The phone's pre-declaration had two bottles and no handbag; the traveller changed both at the kiosk.
        var traveller = SimulatedTraveller.Create(_pki, "TK2000009");
        var qr = await PreDeclareAsync(traveller.Declaration(goods: """{ "alcohol": [ { "kind": "wineBeerOther", "bottles": 2, "volumeMlPerBottle": 750 } ] }"""));
        var sessionId = Guid.NewGuid();
        await _kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId));
        await _kiosk.Hub().SubmitDocument(new SubmitDocument(sessionId, Guid.NewGuid(), traveller.MrzLines, await traveller.ReadChipAsync(await SessionRecords.ChallengeAsync(db, sessionId), _kiosk, sessionId)));
        await _kiosk.Hub().SubmitFaceResult(new SubmitFaceResult(sessionId, Guid.NewGuid(), SimulatedTraveller.GoodFace()));
        var certified = traveller.Declaration(goodsOverAllowance: true, goods: """
            { "alcohol": [ { "kind": "wineBeerOther", "bottles": 4, "volumeMlPerBottle": 750 } ],
              "otherGoods": [ { "description": "handbag", "quantity": 1, "unitRetailValue": 250000, "currency": "JPY" } ] }
            """);
        var decided = await _kiosk.Hub().SubmitEditedPreDeclaration(new SubmitEditedPreDeclaration(sessionId, Guid.NewGuid(), qr, certified));
        Assert.Equal(SessionLane.Red, decided.Lane);

        var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 }, Locale = "en-GB" });
        var page = await context.NewPageAsync();
        await Chromium.SignInAsync(page, _server.BaseAddress, "officer-edit", await _server.EnsureStaffAsync("officer-edit", StaffRole.Officer, "NRT"), "/officer/");
        await page.WaitForURLAsync(u => u.EndsWith("/officer/", StringComparison.Ordinal));
        var row = page.Locator($"#queue tr[data-session-id='{sessionId}']");
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new("^Claim") }).ClickAsync();

        var body = page.Locator("#case-body");
        var wine = body.Locator("tr[data-path='$.goods.alcohol[0]']");
        var handbag = body.Locator("tr[data-path='$.goods.otherGoods[0]']");
        await Assertions.Expect(wine).ToHaveAttributeAsync("data-outcome", "Dutiable", new() { Timeout = 15_000 });
        await Assertions.Expect(wine).ToContainTextAsync("¥150");
        await Assertions.Expect(handbag).ToHaveAttributeAsync("data-outcome", "ReferredToOfficer");
        await Assertions.Expect(handbag).ToContainTextAsync("handbag");
        await Assertions.Expect(body.Locator("#duty-due")).ToHaveTextAsync("¥150");
        await Assertions.Expect(body.Locator("#edited-at-kiosk")).ToContainTextAsync("Pre-declaration edited at the kiosk");
        await Assertions.Expect(body.Locator("#edited-at-kiosk")).ToContainTextAsync("$.goods.alcohol[0]");
        await Assertions.Expect(wine).ToHaveAttributeAsync("data-edited", "true");
        await Assertions.Expect(handbag).ToHaveAttributeAsync("data-edited", "true");
        await context.CloseAsync();
    }

    private async Task<string> PreDeclareAsync(string declarationJson)
    {
        using var http = _server.HttpClient();
        using var content = new StringContent(declarationJson, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/api/predeclarations", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("qrText").GetString()!;
    }
}
