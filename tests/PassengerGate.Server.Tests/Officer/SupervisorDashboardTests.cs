using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Domain.Staff;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Officer;

/// <summary>
/// The supervisor dashboard in Debian's Chromium over HTTPS (issue 9 acceptance): its numbers move when a
/// referral is raised, and the supervisor takes a kiosk out of service from it; the kiosk, connected with its
/// own credential, receives the command.
/// </summary>
public sealed class SupervisorDashboardTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private RunningServer _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(db.ConnectionString, https: true);
        (_playwright, _browser) = await Chromium.LaunchAsync(Chromium.Trust(_server.Certificate!));
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_supervisor_sees_a_referral_counted_live_and_takes_a_kiosk_out_of_service_from_the_dashboard()
    {
        await using var kiosk = _server.KioskConnection(await _server.RegisterKioskAsync("NRT-D1"));
        var outOfService = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        kiosk.On<string>(nameof(IKioskClient.TakeOutOfService), reason => outOfService.TrySetResult(reason));
        await kiosk.StartAsync();

        var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 1100 }, Locale = "en-GB" });
        var page = await context.NewPageAsync();
        var password = await _server.EnsureStaffAsync("super-d", StaffRole.Supervisor, "NRT");
        await Chromium.SignInAsync(page, _server.BaseAddress, "super-d", password, "/supervisor/");
        await page.WaitForURLAsync(u => u.EndsWith("/supervisor/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#tile-open")).ToHaveTextAsync("0", new() { Timeout = 15_000 });
        var kioskRow = page.Locator("#kiosks tr[data-kiosk-id='NRT-D1']");
        await Assertions.Expect(kioskRow).ToContainTextAsync("Online", new() { Timeout = 15_000 });

        // A passport whose MRZ check digit is wrong is referred: the open count and the reasons chart follow without a reload.
        var sessionId = Guid.NewGuid();
        await kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId));
        await kiosk.Hub().SubmitDocument(new SubmitDocument(sessionId, Guid.NewGuid(), Mrz.SpecimenWithBadDigit));
        await Assertions.Expect(page.Locator("#tile-open")).ToHaveTextAsync("1", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#tile-red")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#chart-reasons")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("MRZ_CHECK_DIGIT: 1"));
        // The node's own last minute (the numbers /metrics exports, MetricsTests): this red decision and this kiosk.
        await Assertions.Expect(page.Locator("#node-decided")).ToHaveTextAsync("0 / 1");
        await Assertions.Expect(page.Locator("#node-kiosks")).ToHaveTextAsync("1");
        // The charts are Chart.js instances (npm chart.js), not hand-drawn.
        Assert.True(await page.EvaluateAsync<bool>("() => Chart.getChart('chart-hours') !== undefined && Chart.getChart('chart-reasons') !== undefined"));

        // The page in Japanese: the same numbers, the words from the catalogue.
        await page.Locator("#language").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("監督者ダッシュボード");
        Assert.Equal("ja", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        var violations = new List<string>(await ConsolePages.SeriousAccessibilityViolationsAsync(page, "dashboard ja"));
        await page.Locator("#language").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Supervisor dashboard");
        await ConsolePages.ScreenshotAsync(page, "supervisor-dashboard");
        violations.AddRange(await ConsolePages.SeriousAccessibilityViolationsAsync(page, "dashboard"));

        // Keyboard only: focus the kiosk's button and press Enter.
        await kioskRow.GetByRole(AriaRole.Button, new() { Name = "Take out of service: NRT-D1" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var reason = await outOfService.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("Taken out of service from the supervisor dashboard", reason);
        Assert.Equal("super-d", await db.ScalarAsync<string>("SELECT actor FROM audit_events WHERE action = 'kiosk.commanded' AND subject = 'kiosk:NRT-D1'"));

        Assert.Empty(violations);
        await context.DisposeAsync();
    }
}
