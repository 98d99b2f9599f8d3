using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Officer;

/// <summary>The officer console in real Chromium over HTTPS: a signed-in officer sees a referral appear without reloading the page.</summary>
public class OfficerConsolePageTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
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
    public async Task A_referral_appears_on_the_open_officer_page_without_a_reload()
    {
        var page = await _browser.NewPageAsync();
        var navigations = 0;
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) { navigations++; } };
        await Chromium.SignInAsync(page, _server.BaseAddress, RunningServer.DefaultOfficer, await _server.EnsureStaffAsync(RunningServer.DefaultOfficer, PassengerGate.Domain.Staff.StaffRole.Officer, "NRT"), "/officer/");
        await page.WaitForURLAsync(u => u.EndsWith("/officer/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator(".case")).ToHaveCountAsync(0);
        var navigationsBefore = navigations;

        var token = await _server.RegisterKioskAsync("NRT-UI-1");
        await using var kiosk = _server.KioskConnection(token);
        await kiosk.StartAsync();
        var sessionId = Guid.NewGuid();
        await kiosk.InvokeAsync<SessionUpdate>(nameof(IKioskHub.OpenArrivalSession), new OpenArrivalSession(sessionId));
        await kiosk.InvokeAsync<SessionUpdate>(nameof(IKioskHub.SubmitDocument), new SubmitDocument(sessionId, Guid.NewGuid(), Mrz.SpecimenWithBadDigit));

        var card = page.Locator($".case[data-session-id='{sessionId}']");
        await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(card.Locator(".reasons")).ToContainTextAsync("MRZ_CHECK_DIGIT");
        await Assertions.Expect(card.Locator(".case-doc")).ToContainTextAsync("L898902C3");
        await Assertions.Expect(card.Locator(".case-kiosk")).ToContainTextAsync("NRT-UI-1");
        await Assertions.Expect(page.Locator("#case-count")).ToHaveTextAsync("1");
        Assert.Equal(navigationsBefore, navigations);

        // The officer closes the case from the page; it leaves the list and the outcome is recorded.
        await card.Locator("select").SelectOptionAsync("InspectedNothingFound");
        await card.Locator("input[name=note]").FillAsync("bag checked");
        await card.GetByRole(AriaRole.Button, new() { Name = "Close case" }).ClickAsync();
        await Assertions.Expect(card).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        Assert.Equal("InspectedNothingFound", await db.ScalarAsync<string>($"SELECT outcome FROM referrals WHERE session_id = '{sessionId}'"));
        // The signed-in account is who decided, in the case, its transition and the audit trail.
        Assert.Equal(RunningServer.DefaultOfficer, await db.ScalarAsync<string>($"SELECT closed_by FROM referrals WHERE session_id = '{sessionId}'"));
        Assert.Equal("officer:" + RunningServer.DefaultOfficer, await db.ScalarAsync<string>($"SELECT actor FROM session_transitions WHERE session_id = '{sessionId}' ORDER BY sequence DESC LIMIT 1"));
        Assert.Equal(RunningServer.DefaultOfficer, await db.ScalarAsync<string>("SELECT actor FROM audit_events WHERE action = 'case.decided' ORDER BY id DESC LIMIT 1"));
    }

    [Fact]
    public async Task Departure_staff_signed_in_over_https_cannot_open_the_officer_queue()
    {
        var password = await _server.EnsureStaffAsync("test-departure", PassengerGate.Domain.Staff.StaffRole.Departure, "NRT");
        var page = await _browser.NewPageAsync();

        await Chromium.SignInAsync(page, _server.BaseAddress, "test-departure", password, "/officer/");

        // Signed in (the staff cookie is set, Secure and HttpOnly), but the officer page is refused.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not allowed", new() { Timeout = 15_000 });
        Assert.DoesNotContain("/signin/", page.Url, StringComparison.Ordinal);
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "__Host-pgate-staff");
        Assert.True(cookie.Secure);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal(0, await page.Locator("#cases").CountAsync());

        // Nor can the page's script reach the officer hub with that sign-in.
        var status = await page.EvaluateAsync<int>("async () => (await fetch('/hubs/officer/negotiate?negotiateVersion=1', { method: 'POST' })).status");
        Assert.Equal(403, status);
    }
}
