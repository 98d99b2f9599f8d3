using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using PassengerGate.Contracts.Departure;
using PassengerGate.Domain.Staff;
using PassengerGate.Domain.TaxFree;
using PassengerGate.Server.Features.TaxFree;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Departure;

/// <summary>
/// The departure console in real Chromium over HTTPS (issue 11 acceptance, end to end as far as this branch goes):
/// a departing traveller's ¥1,500,000 in mixed currencies is declared (through the departure hub from a test
/// client: the kiosk's currency methods are not on this branch), appears live on the console, staff record a
/// counted amount that differs, the difference is shown, a false-declaration case with a retention receipt
/// results, and the day's FIU export has it. A red tax-free check's record is inspected on the same page (issue 12
/// point 3). An officer cannot open the page.
/// </summary>
public sealed class DepartureConsolePageTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private RunningServer _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(db.ConnectionString, https: true, configure: c => c["Staff:SignInAttemptsPerMinute"] = "1000");
        await _server.ImportTestRatesAsync();
        (_playwright, _browser) = await Chromium.LaunchAsync(Chromium.Trust(_server.Certificate!));
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_declaration_appears_live_is_counted_with_the_difference_shown_and_becomes_a_false_declaration_in_the_days_FIU_export()
    {
        var password = await _server.EnsureStaffAsync("pg-departure", StaffRole.Departure, "NRT");
        var page = await _browser.NewPageAsync();
        await Chromium.SignInAsync(page, _server.BaseAddress, "pg-departure", password, "/console/departure/");
        await Assertions.Expect(page.Locator("#hub-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 20_000 });

        // Declared elsewhere (another desk, as the kiosk would): ¥750,000 + US$5,000 at ¥150.00 = ¥1,500,000.
        var other = await _server.SignInAsync("pg-desk2", await _server.EnsureStaffAsync("pg-desk2", StaffRole.Departure, "NRT"));
        await using var desk = _server.DepartureConnection(other);
        await desk.StartAsync();
        var today = _server.AirportToday();
        var receipt = await desk.InvokeAsync<DeclarationReceipt>(nameof(IDepartureHub.SubmitDeskDeclaration), new DeskDeclarationRequest(
            DepartureSupport.DepartureJson(today, "KIMURA JIRO", "PG0000001", "PAGE01", "KE706", ("JPY", 750_000m), ("USD", 5_000m))));
        Assert.Empty(receipt.Errors);
        var number = receipt.Number!;

        // Pushed to the open console without a reload.
        var row = page.Locator($"#declarations tr[data-number='{number}']");
        await Assertions.Expect(row).ToContainTextAsync("KIMURA JIRO", new() { Timeout = 15_000 });
        await Assertions.Expect(row).ToContainTextAsync("1,500,000 JPY");
        await row.GetByRole(AriaRole.Button).ClickAsync();

        // Staff count US$6,000 (declared 5,000): the difference 1,000 and +¥150,000 in all are shown.
        var usd = page.Locator("#count-table tr[data-path='$.instruments[1]']");
        await usd.Locator("input").FillAsync("6000");
        await page.Locator("#save-count").ClickAsync();
        await Assertions.Expect(usd.Locator("[data-role=difference]")).ToHaveTextAsync("1,000", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#count-summary")).ToContainTextAsync("1,650,000 JPY");
        await Assertions.Expect(page.Locator("#count-summary")).ToContainTextAsync("150,000 JPY");

        // False declaration: origin and intended use recorded, the cash restrained, a retention receipt offered.
        await page.Locator("#outcome").SelectOptionAsync("falseDeclaration");
        await page.Locator("#origin").FillAsync("savings");
        await page.Locator("#intended-use").FillAsync("family in Seoul");
        await page.Locator("#restrain").FillAsync("1650000");
        var draws = await page.Locator("#check-body").GetAttributeAsync("data-draws");
        // Another desk records the same count meanwhile: the push redraws the declaration, and what this desk typed
        // and has not sent stays (a redraw once wiped the form under the user's hands).
        await desk.InvokeAsync<DepartureDeclarationView>(nameof(IDepartureHub.RecordCount), new RecordCountRequest(receipt.Id!.Value,
            [new CountedAmount("$.instruments[0]", 750_000m), new CountedAmount("$.instruments[1]", 6_000m)]));
        await page.WaitForFunctionAsync("n => document.getElementById('check-body').dataset.draws !== n", draws);
        await Assertions.Expect(page.Locator("#origin")).ToHaveValueAsync("savings");
        await Assertions.Expect(page.Locator("#outcome")).ToHaveValueAsync("falseDeclaration");
        await page.Locator("#decide").ClickAsync();
        await Assertions.Expect(row.Locator(".status")).ToHaveTextAsync("False declaration", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#receipt-link")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/retention-receipt\\.pdf$"));

        var id = long.Parse(number["CD-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("falseDeclaration", await db.ScalarAsync<string>($"SELECT status FROM currency_declarations WHERE id = {id}"));
        Assert.Equal("savings", await db.ScalarAsync<string>($"SELECT case_origin FROM currency_declarations WHERE id = {id}"));
        Assert.Equal("currency.counted,currency.decided", await db.ScalarAsync<string>($"SELECT string_agg(action, ',' ORDER BY id) FROM audit_events WHERE subject = 'currency:{number}' AND actor = 'pg-departure'"));

        // The day's FIU export, fetched by the page's own sign-in, has it as a false declaration.
        var day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var csv = await page.EvaluateAsync<string>($"async () => (await fetch('/api/currency/export?from={day}&to={day}&format=csv')).text()");
        Assert.Contains($"{number},NRT,falseDeclaration,desk,", csv, StringComparison.Ordinal);
        await ConsolePages.ScreenshotAsync(page, "departure-console-false-declaration");
    }

    [Fact]
    public async Task Issue_12_acceptance_a_red_traveller_s_item_marked_missing_on_the_console_sends_the_shop_one_refusal_for_that_record()
    {
        var secret = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        await using var receiver = await WebhookReceiverStandIn.StartAsync("http://127.0.0.1:0", WebhookSignature.SecretText(secret), failFirst: 0, TimeProvider.System);
        var (shopId, key) = await _server.AddShopAsync("pg", receiver.Address, secret, TimeProvider.System.GetUtcNow());
        // Refund regime (bought yesterday in Japan, after 2026-11-01): a ¥1,200,000 handbag — a unit price of ¥1,000,000
        // or more makes the lane red so that brand and model are compared (docs/taxfree-rules.md §2, §5) — and a scarf.
        var yesterday = TimeProvider.System.GetUtcNow().AddDays(-1).ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        await _server.SubmitRecordAsync(key, TaxFree.TaxFreeShopApiTests.RecordJson("PG-INSP", yesterday, unitPrice: 1_200_000, passport: "PG7000007",
            extraItem: """,{"description":"Scarf","quantity":1,"unitPrice":20000,"tax":2000}"""));
        var password = await _server.EnsureStaffAsync("pg-inspector", StaffRole.Departure, "NRT");
        var page = await _browser.NewPageAsync();
        await Chromium.SignInAsync(page, _server.BaseAddress, "pg-inspector", password, "/console/departure/");
        await Assertions.Expect(page.Locator("#hub-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 20_000 });

        // The check goes red at the kiosk: the record appears on the open console without a reload.
        var finished = await _server.Services.GetRequiredService<TaxFreeDepartureCheck>().FinishAsync("PG7000007", "USA", "NRT", default);
        Assert.Equal(PassengerGate.Contracts.TaxFree.TaxFreeLaneCode.Red, finished.Lane);
        var record = await InspectionConsole.InspectAsync(page, "PG-INSP", "B / M-1", true, false);
        await Assertions.Expect(record).ToHaveAttributeAsync("data-result", "refused", new() { Timeout = 15_000 });
        await Assertions.Expect(record.Locator("h3")).ToContainTextAsync("Refused: item missing");
        var refusal = await receiver.WaitForResultAsync("PG-INSP");
        Assert.Equal(PassengerGate.Contracts.TaxFree.TaxFreeRecordState.Refused, refusal.Result);
        Assert.Equal([PassengerGate.Contracts.TaxFree.TaxFreeReasonCode.ItemMissing], refusal.Reasons);
        Assert.Single(receiver.Accepted.Values);
        Assert.Equal("taxfree.item_marked,taxfree.item_marked,taxfree.inspection_closed", await db.ScalarAsync<string>(
            $"SELECT string_agg(action, ',' ORDER BY id) FROM audit_events WHERE subject = 'taxfree:{shopId}/PG-INSP' AND actor = 'pg-inspector'"));
        await ConsolePages.ScreenshotAsync(page, "departure-console-taxfree-inspection");
    }

    [Fact]
    public async Task An_officer_cannot_open_the_departure_console()
    {
        var password = await _server.EnsureStaffAsync("pg-officer", StaffRole.Officer, "NRT");
        var page = await _browser.NewPageAsync();
        await Chromium.SignInAsync(page, _server.BaseAddress, "pg-officer", password, "/console/departure/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not allowed", new() { Timeout = 15_000 });
        Assert.Equal(0, await page.Locator("#declarations").CountAsync());
    }
}
