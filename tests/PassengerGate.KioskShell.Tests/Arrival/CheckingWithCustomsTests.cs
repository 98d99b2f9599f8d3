using Microsoft.Playwright;
using Npgsql;
using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.Arrival;

/// <summary>
/// Issue 10 point 3 (decision 0017): while the service decides, the kiosk says "checking with customs…" (never
/// "reading your passport": the passport was read) and its idle timer stands still, so a slow decision does not wipe
/// the passenger; cancelling a declaration asks before it throws the answers away.
/// </summary>
public sealed class CheckingWithCustomsTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    // Long enough that the steps between the declaration screen and the first touch (the browser rendering it, the test
    // filling a field: no pointer or key event) never run past it on a loaded machine; the wait below outlasts it.
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(30);

    [FacesFact]
    public async Task Cancel_asks_first_and_a_slow_decision_shows_checking_with_customs_without_wiping_the_passenger()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-CHECK", new Dictionary<string, string?>
        {
            // The idle timeout above, and a service deadline well beyond the time the test holds the service's answer back.
            ["Kiosk:IdleTimeout"] = "00:00:30",
            ["Kiosk:ServiceDeadline"] = "00:02:00",
        });
        await using var browser = await KioskBrowser.LaunchAsync("obama_2.jpg");
        var page = await browser.OpenAsync(kiosk);
        await page.ChooseLanguageAsync("en");
        await page.ClickAsync("start");
        await page.WaitForScreenAsync("placePassport");
        kiosk.PlacePassport(Traveller.Adult("TI0000030"), "obama_1.jpg");
        await page.WaitForScreenAsync("declaration", KioskPage.FaceTimeoutMs);

        // The running assessment answers the empty form first; the click waits for it, so the form no longer moves under
        // the pointer (on a loaded machine the answer once came as the cancel button was clicked, and the click missed it).
        await Assertions.Expect(page.Page.Locator("section.assessment")).ToHaveAttributeAsync("data-assessment", "none", new() { Timeout = 15_000 });

        // Cancel: a confirmation in the page's language; "keep" returns to the form with the answers still there.
        await page.Page.FillAsync("[data-field='addressInJapan']", "Hotel Narita 1203");
        await page.ClickAsync("cancel");
        var confirm = page.Page.Locator("[data-confirm='cancel']");
        await Assertions.Expect(confirm).ToBeVisibleAsync();
        await Assertions.Expect(confirm.Locator("h2")).ToHaveTextAsync("Cancel your declaration?");
        await Assertions.Expect(confirm.Locator("[data-action='discard-answers']")).ToBeVisibleAsync();
        await page.ClickAsync("keep-answers");
        await Assertions.Expect(confirm).ToBeHiddenAsync();
        Assert.Equal("declaration", await page.Page.GetAttributeAsync("body", "data-screen"));
        Assert.Equal("Hotel Narita 1203", await page.Page.InputValueAsync("[data-field='addressInJapan']"));

        // Hold the service's answer: the declaration step cannot save the session while the test locks the table
        // (EXCLUSIVE blocks UPDATE, not SELECT), so the service is "deciding" for as long as the test wants.
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var hold = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("LOCK TABLE arrival_sessions IN EXCLUSIVE MODE", connection, hold))
        {
            await command.ExecuteNonQueryAsync();
        }

        await page.FillDeclarationAsync();
        await page.WaitForScreenAsync("checking");
        Assert.Equal("Checking with customs…", (await page.Page.TextContentAsync("section.checking h1"))?.Trim());
        Assert.DoesNotContain("Reading your passport", await page.Page.InnerTextAsync("main"), StringComparison.Ordinal);

        // Longer than the idle timeout with no touch: the passenger is waiting for customs, not idle.
        await Task.Delay(IdleTimeout + TimeSpan.FromSeconds(5));
        Assert.Equal("checking", await page.Page.GetAttributeAsync("body", "data-screen"));

        await hold.RollbackAsync();
        Assert.Equal("green", await page.LaneAsync());
        Assert.Equal("Released", await db.ScalarAsync<string>("SELECT state FROM arrival_sessions WHERE kiosk_id = 'NRT-UI-CHECK'"));
    }
}
