using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Contracts.Officer;
using PassengerGate.Domain.Staff;
using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Officer;

/// <summary>
/// The officer console end to end in Debian's Chromium over HTTPS (issue 9 acceptance): an officer signs in,
/// a referral arrives live, they claim it (a second officer cannot), assess the line referred to an officer at
/// the general rate, record the payment and close the case; the duty notice shows the payment.
/// </summary>
public sealed class OfficerConsoleFlowTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
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
        _kiosk = _server.KioskConnection(await _server.RegisterKioskAsync("NRT-C1"));
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
    public async Task An_officer_claims_a_live_referral_assesses_the_perfume_line_records_payment_and_closes_with_a_duty_notice_showing_it()
    {
        var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 }, Locale = "en-GB" });
        var page = await context.NewPageAsync();
        var navigations = 0;
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) { navigations++; } };
        await Chromium.SignInAsync(page, _server.BaseAddress, RunningServer.DefaultOfficer, await _server.EnsureStaffAsync(RunningServer.DefaultOfficer, StaffRole.Officer, "NRT"), "/officer/");
        await page.WaitForURLAsync(u => u.EndsWith("/officer/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#case-count")).ToHaveTextAsync("0");
        var navigationsBefore = navigations;

        // 200 ml of perfume: over the 2 oz allowance, and perfume has no simplified rate, so an officer assesses it
        // (docs/arrival-declaration-schema.md: "Perfume over 2 oz goes to an officer").
        var traveller = SimulatedTraveller.Create(_pki, "TK2000001");
        var sessionId = await ReferAsync(traveller, traveller.Declaration(goodsOverAllowance: true, goods: """{ "perfumeMl": 200 }"""));

        var row = page.Locator($"#queue tr[data-session-id='{sessionId}']");
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(row).ToContainTextAsync("duty.officerAssessment");
        await Assertions.Expect(row).ToContainTextAsync("NH9");
        await Assertions.Expect(row.Locator(".holder")).ToHaveTextAsync("nobody");
        Assert.Equal(navigationsBefore, navigations);
        var caseNumber = long.Parse(await row.GetAttributeAsync("data-case-number") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        // Readable at a glance on a desk screen: nothing scrolls sideways at 1280×800 or 1440×900.
        var overflows = new List<string>(await ConsoleLayout.OverflowsAtDeskScreensAsync(page, "queue"));
        await ConsolePages.ScreenshotAsync(page, "officer-queue");
        var violations = new List<string>(await ConsolePages.SeriousAccessibilityViolationsAsync(page, "queue"));

        await row.GetByRole(AriaRole.Button, new() { NameRegex = new("^Claim") }).ClickAsync();
        await Assertions.Expect(page.Locator("#case-body")).ToContainTextAsync($"Held by {RunningServer.DefaultOfficer}", new() { Timeout = 15_000 });
        await Assertions.Expect(row.Locator(".holder")).ToHaveTextAsync(RunningServer.DefaultOfficer, new() { Timeout = 15_000 });

        // A second officer of the airport cannot take the case while it is held.
        var second = await _server.SignInAsync("officer-two", await _server.EnsureStaffAsync("officer-two", StaffRole.Officer, "NRT"));
        await using (var other = _server.OfficerConnection(second))
        {
            await other.StartAsync();
            var refused = await Assert.ThrowsAsync<HubException>(() => other.InvokeAsync<CaseClaim>(nameof(IOfficerHub.ClaimCase), caseNumber));
            Assert.Contains($"held by {RunningServer.DefaultOfficer}", refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(RunningServer.DefaultOfficer, await db.ScalarAsync<string>($"SELECT claimed_by FROM referrals WHERE case_number = {caseNumber}"));

        // The case view: the document (passive authentication OK), the face scores, and the perfume line referred to an officer.
        var body = page.Locator("#case-body");
        await Assertions.Expect(body).ToContainTextAsync("Passive authentication");
        await Assertions.Expect(body).ToContainTextAsync("OK");
        await Assertions.Expect(body).ToContainTextAsync("0.620");
        var line = body.Locator("tr[data-path]", new() { HasText = "perfume" });
        await Assertions.Expect(line).ToContainTextAsync("Officer assesses (general rate)");
        Assert.Equal(0, await page.Locator("#case-body img").CountAsync());

        // Customs value ¥30,000 at a 10 % general rate: ¥3,000 (30,000 × 0.10, worked by hand).
        await line.Locator("input[name=value]").FillAsync("30000");
        await line.Locator("input[name=rate]").FillAsync("10");
        await line.GetByRole(AriaRole.Button, new() { Name = "Assess line" }).ClickAsync();
        await Assertions.Expect(page.Locator("#duty-due")).ToHaveTextAsync("¥3,000", new() { Timeout = 15_000 });

        await page.Locator("#pay-amount").FillAsync("3000");
        await page.Locator("#pay-method").SelectOptionAsync("cash");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record payment" }).ClickAsync();
        await Assertions.Expect(page.Locator("#paid")).ToContainTextAsync("Paid ¥3,000 by Cash", new() { Timeout = 15_000 });

        // No outcome is chosen for the officer: closing without one is refused on the page.
        Assert.Equal(0, await page.Locator("#close input[name=outcome]:checked").CountAsync());
        await page.Locator("#close-case").ClickAsync();
        await Assertions.Expect(page.Locator("#close-error")).ToHaveTextAsync("Choose an outcome first.");

        await page.GetByLabel("Duty assessed and paid").CheckAsync();
        overflows.AddRange(await ConsoleLayout.OverflowsAtDeskScreensAsync(page, "case"));
        Assert.Empty(overflows);
        await ConsolePages.ScreenshotAsync(page, "officer-case");
        violations.AddRange(await ConsolePages.SeriousAccessibilityViolationsAsync(page, "case"));

        // Closing asks first, then can be undone while it waits.
        await page.Locator("#close-case").ClickAsync();
        await Assertions.Expect(page.Locator("#confirm")).ToBeVisibleAsync();
        await page.Locator("#confirm-yes").ClickAsync();
        await page.Locator("#undo-close").ClickAsync();
        await Assertions.Expect(page.Locator("#pending")).ToHaveTextAsync("Closing cancelled.");
        Assert.Null(await db.ScalarAsync<string?>($"SELECT outcome FROM referrals WHERE case_number = {caseNumber}"));

        await page.Locator("#close-case").ClickAsync();
        await page.Locator("#confirm-yes").ClickAsync();
        await Assertions.Expect(page.Locator("#closed")).ToContainTextAsync($"Case {caseNumber} closed: Duty assessed and paid", new() { Timeout = 20_000 });
        await Assertions.Expect(row).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        Assert.Equal("DutyAssessedAndPaid", await db.ScalarAsync<string>($"SELECT outcome FROM referrals WHERE case_number = {caseNumber}"));
        Assert.Equal(3000m, await db.ScalarAsync<decimal>($"SELECT amount_yen FROM case_payments WHERE case_number = {caseNumber}"));

        // Every act is in the audit trail, by the signed-in officer.
        foreach (var action in new[] { "case.claimed", "case.line_assessed", "case.payment_recorded", "case.decided" })
        {
            Assert.Equal(RunningServer.DefaultOfficer, await db.ScalarAsync<string>($"SELECT actor FROM audit_events WHERE action = '{action}' AND subject = 'case:{caseNumber}'"));
        }

        // The duty notice handed to the traveller shows the payment and no rule ids.
        using var http = _server.StaffClient();
        var pdf = await http.GetByteArrayAsync($"/api/cases/{caseNumber}/duty-notice.pdf");
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        Assert.Contains("This duty has been paid.", text, StringComparison.Ordinal);
        Assert.Contains("3,000", text, StringComparison.Ordinal);
        Assert.DoesNotContain("UNCONFIRMED", text, StringComparison.Ordinal);
        Assert.DoesNotContain("duty.officerAssessment", text, StringComparison.Ordinal);

        violations.AddRange(await ConsolePages.SeriousAccessibilityViolationsAsync(page, "closed"));
        Assert.Empty(violations);
        await context.DisposeAsync();
    }

    [Fact]
    public async Task Of_two_officers_claiming_one_case_at_once_exactly_one_holds_it_and_a_supervisor_can_take_it_over()
    {
        var traveller = SimulatedTraveller.Create(_pki, "TK2000002");
        await ReferAsync(traveller, traveller.Declaration(commercialGoods: true));
        var caseNumber = await db.ScalarAsync<long>("SELECT max(case_number) FROM referrals");
        await using var one = _server.OfficerConnection(await _server.SignInAsync("officer-a", await _server.EnsureStaffAsync("officer-a", StaffRole.Officer, "NRT")));
        await using var two = _server.OfficerConnection(await _server.SignInAsync("officer-b", await _server.EnsureStaffAsync("officer-b", StaffRole.Officer, "NRT")));
        await Task.WhenAll(one.StartAsync(), two.StartAsync());

        var attempts = await Task.WhenAll(
            Attempt(one.InvokeAsync<CaseClaim>(nameof(IOfficerHub.ClaimCase), caseNumber)),
            Attempt(two.InvokeAsync<CaseClaim>(nameof(IOfficerHub.ClaimCase), caseNumber)));
        var won = Assert.Single(attempts, a => a is not null);
        Assert.Equal(won!.ClaimedBy, await db.ScalarAsync<string>($"SELECT claimed_by FROM referrals WHERE case_number = {caseNumber}"));
        var loser = won.ClaimedBy == "officer-a" ? two : one;

        // The one who lost cannot act on it either; an officer cannot take over.
        await Assert.ThrowsAsync<HubException>(() => loser.InvokeAsync<CaseDecision>(nameof(IOfficerHub.DecideCase), new CaseDecisionRequest(caseNumber, CaseOutcome.Released, null)));
        await Assert.ThrowsAsync<HubException>(() => loser.InvokeAsync<CaseClaim>(nameof(IOfficerHub.TakeOverCase), caseNumber));

        await using var supervisor = _server.OfficerConnection(await _server.SignInAsync("super-a", await _server.EnsureStaffAsync("super-a", StaffRole.Supervisor, "NRT")));
        await supervisor.StartAsync();
        var taken = await supervisor.InvokeAsync<CaseClaim>(nameof(IOfficerHub.TakeOverCase), caseNumber);
        Assert.Equal("super-a", taken.ClaimedBy);
        var released = await supervisor.InvokeAsync<CaseClaim>(nameof(IOfficerHub.ReleaseClaim), caseNumber);
        Assert.Null(released.ClaimedBy);
        Assert.Equal("case.taken_over", await db.ScalarAsync<string>($"SELECT action FROM audit_events WHERE actor = 'super-a' AND subject = 'case:{caseNumber}' ORDER BY id LIMIT 1"));

        // Outcomes travel as camelCase names: a number is refused, "inspectedNothingFound" is understood and answered the same way.
        var claimed = await loser.InvokeAsync<CaseClaim>(nameof(IOfficerHub.ClaimCase), caseNumber);
        Assert.NotNull(claimed.ClaimedBy);
        await Assert.ThrowsAsync<HubException>(() => loser.InvokeAsync<System.Text.Json.JsonElement>(nameof(IOfficerHub.DecideCase), new { caseNumber, outcome = 1, note = "x" }));
        var closed = await loser.InvokeAsync<System.Text.Json.JsonElement>(nameof(IOfficerHub.DecideCase), new { caseNumber, outcome = "inspectedNothingFound", note = "bag checked" });
        Assert.Equal("inspectedNothingFound", closed.GetProperty("outcome").GetString());
        Assert.Equal("InspectedNothingFound", await db.ScalarAsync<string>($"SELECT outcome FROM referrals WHERE case_number = {caseNumber}"));
    }

    private static async Task<CaseClaim?> Attempt(Task<CaseClaim> claim)
    {
        try
        {
            return await claim;
        }
        catch (HubException)
        {
            return null;
        }
    }

    private async Task<Guid> ReferAsync(SimulatedTraveller traveller, string declaration)
    {
        var sessionId = Guid.NewGuid();
        await _kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId));
        var document = await _kiosk.Hub().SubmitDocument(new SubmitDocument(sessionId, Guid.NewGuid(), traveller.MrzLines, await traveller.ReadChipAsync(await SessionRecords.ChallengeAsync(db, sessionId), _kiosk, sessionId)));
        Assert.Equal(SessionState.DocumentVerified, document.State);
        await _kiosk.Hub().SubmitFaceResult(new SubmitFaceResult(sessionId, Guid.NewGuid(), SimulatedTraveller.GoodFace()));
        var final = await _kiosk.Hub().SubmitDeclaration(new SubmitDeclaration(sessionId, Guid.NewGuid(), null, declaration));
        Assert.Equal(SessionLane.Red, final.Lane);
        return sessionId;
    }
}
