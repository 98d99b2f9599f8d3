using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Officer;

/// <summary>The officer console in real Chromium: a referral appears without reloading the page.</summary>
public class OfficerConsolePageTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private RunningServer _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(db.ConnectionString);
        (_playwright, _browser) = await Chromium.LaunchAsync();
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
        await page.GotoAsync(new Uri(_server.BaseAddress, "/officer/").ToString());
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
    }
}
