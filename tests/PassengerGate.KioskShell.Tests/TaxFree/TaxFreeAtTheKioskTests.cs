using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Playwright;
using PassengerGate.Contracts.TaxFree;
using PassengerGate.Domain.Staff;
using PassengerGate.Domain.TaxFree;
using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.Server.Features.TaxFree;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.TaxFree;

/// <summary>
/// Issue 12's acceptance end to end, in Debian's Chromium on the real kiosk and the real service (HTTPS, PostgreSQL,
/// SignalR): a shop submits records over HTTP; at the kiosk's tax-free flow a departing traveller's passport and chip are
/// read, the check goes green and the shop's webhook receiver gets the confirmation exactly once although it fails the
/// first two deliveries and the service restarts between them; another traveller's check goes red, a departure staff
/// member marks an item missing on the console, and the shop receives a refusal for that record.
/// Rules (docs/taxfree-rules.md, DOMAIN.md §5): bought yesterday in Japan time, after 2026-11-01 ⇒ refund regime, inside
/// the 90 days; a unit price of ¥1,000,000 or more ⇒ red (identifying details compared); random selection off.
/// </summary>
public sealed class TaxFreeAtTheKioskTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [FacesFact]
    public async Task Green_confirms_at_the_kiosk_and_reaches_the_shop_once_across_failures_and_a_restart_and_red_ends_in_a_refusal_from_the_console()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        await using var receiver = await WebhookReceiverStandIn.StartAsync("http://127.0.0.1:0", WebhookSignature.SecretText(secret), failFirst: 2, TimeProvider.System);
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString, c =>
        {
            c["Staff:SignInAttemptsPerMinute"] = "1000";
            c["TaxFree:LaneRules:RandomRate"] = "0";
            // Retries in seconds, not hours, so the test sees all three attempts: 4–8 s after the first failure, then 5–10 s (equal
            // jitter) — long enough for the restart to come between the first and the second.
            c["TaxFree:Webhooks:FirstRetrySeconds"] = "8";
            c["TaxFree:Webhooks:MaxRetrySeconds"] = "10";
            c["TaxFree:Webhooks:PollSeconds"] = "0.2";
        }, https: true);
        var (_, key) = await server.AddShopAsync("kt", receiver.Address, secret, TimeProvider.System.GetUtcNow());
        var yesterday = TimeProvider.System.GetUtcNow().AddDays(-1).ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        await server.SubmitRecordAsync(key, TaxFreeSupport.RecordJson("T-GREEN", yesterday, passport: "TT0000011"));
        await server.SubmitRecordAsync(key, TaxFreeSupport.RecordJson("T-RED", yesterday, unitPrice: 1_200_000, passport: "TT0000029",
            extraItem: """,{"description":"Scarf","quantity":1,"unitPrice":20000,"tax":2000}"""));
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-TF1", new Dictionary<string, string?> { ["Kiosk:Flows"] = "arrival,currency,taxFree" }, airport: "NRT");
        var (playwright, browser) = await Chromium.LaunchAsync(Chromium.Trust(server.Certificate!));
        try
        {
            // Green: the record is confirmed on the screen, in the traveller's language, and on the slip.
            var page = await KioskPage.OpenAsync(browser, kiosk.Url);
            await page.Page.ClickAsync("[data-action='start-flow'][data-flow='taxFree']");
            await page.WaitForScreenAsync("placePassport");
            kiosk.PlacePassport(Traveller.Adult("TT0000011"), "obama_1.jpg");
            await page.WaitForScreenAsync("taxFreeResult", 60_000);
            Assert.Equal("green", await page.Page.GetAttributeAsync("section.taxfree-result", "data-taxfree-lane"));
            var green = page.Page.Locator("li[data-record-id='T-GREEN']");
            Assert.Equal("confirmed", await green.GetAttributeAsync("data-status"));
            await page.ChooseLanguageAsync("ja");
            await Assertions.Expect(green.Locator(".status")).ToHaveTextAsync("輸出確認済み");
            var slip = await kiosk.WaitForSlipsAsync(1);
            Assert.Contains(slip.Lines, l => l.Text.Contains("Export confirmed", StringComparison.Ordinal));
            Assert.Contains(slip.Lines, l => l.Text.Contains("T-GREEN", StringComparison.Ordinal));
            Assert.DoesNotContain(slip.Lines, l => l.Text.Contains("TT0000011", StringComparison.Ordinal) || l.Text.Contains("OBAMA", StringComparison.Ordinal));
            await page.ClickAsync("done");
            await page.WaitForScreenAsync("welcome");

            // The shop's endpoint fails the first delivery; the service restarts before the second, which fails too; the
            // third is accepted — one confirmation, never a duplicate, every request signed.
            await EventuallyAsync(() => receiver.Requests.Any(r => r.Outcome == WebhookReceiverStandIn.Outcome.FailedOnPurpose), "the first delivery");
            await server.StopAsync();
            Assert.Single(receiver.Requests);
            await server.StartAsync();
            var confirmation = await receiver.WaitForResultAsync("T-GREEN");
            Assert.Equal(TaxFreeRecordState.Confirmed, confirmation.Result);
            Assert.Equal(
                [WebhookReceiverStandIn.Outcome.FailedOnPurpose, WebhookReceiverStandIn.Outcome.FailedOnPurpose, WebhookReceiverStandIn.Outcome.Accepted],
                receiver.Requests.Where(r => r.EventId == confirmation.EventId).Select(r => r.Outcome));
            Assert.All(receiver.Requests, r => Assert.Equal(WebhookVerification.Valid, r.Verification));

            // Red: the traveller is sent to show the goods; nothing is confirmed.
            await page.Page.ClickAsync("[data-action='start-flow'][data-flow='taxFree']");
            await page.WaitForScreenAsync("placePassport");
            kiosk.PlacePassport(Traveller.Adult("TT0000029"), "obama_2.jpg");
            await page.WaitForScreenAsync("taxFreeResult", 60_000);
            Assert.Equal("red", await page.Page.GetAttributeAsync("section.taxfree-result", "data-taxfree-lane"));
            Assert.Equal("toInspect", await page.Page.GetAttributeAsync("li[data-record-id='T-RED']", "data-status"));

            // Departure staff mark the scarf missing on the live console: the whole record is refused (refund regime).
            var password = await server.EnsureStaffAsync("tf-inspector", StaffRole.Departure, "NRT");
            var console = await browser.NewPageAsync();
            await Chromium.SignInAsync(console, server.BaseAddress, "tf-inspector", password, "/console/departure/");
            var record = await InspectionConsole.InspectAsync(console, "T-RED", "B / M-1", true, false);
            await Assertions.Expect(record).ToHaveAttributeAsync("data-result", "refused", new() { Timeout = 15_000 });

            var refusal = await receiver.WaitForResultAsync("T-RED");
            Assert.Equal(TaxFreeRecordState.Refused, refusal.Result);
            Assert.Equal([TaxFreeReasonCode.ItemMissing], refusal.Reasons);
            Assert.Equal(2, receiver.Accepted.Count);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var wait = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(wait.Elapsed < TimeSpan.FromSeconds(30), $"{what} did not happen");
            await Task.Delay(50);
        }
    }
}
