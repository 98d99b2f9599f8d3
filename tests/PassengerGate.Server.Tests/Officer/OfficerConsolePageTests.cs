using Microsoft.Playwright;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Officer;

/// <summary>The officer console in real Chromium over HTTPS: who may not open it (the working console is in OfficerConsoleFlowTests).</summary>
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
        Assert.Equal(0, await page.Locator("#queue").CountAsync());

        // Nor can the page's script reach the officer hub with that sign-in.
        var status = await page.EvaluateAsync<int>("async () => (await fetch('/hubs/officer/negotiate?negotiateVersion=1', { method: 'POST' })).status");
        Assert.Equal(403, status);
    }
}
