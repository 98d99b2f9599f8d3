using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PassengerGate.Data.Rates;
using PassengerGate.Domain.Currency;
using PassengerGate.Domain.Staff;
using PassengerGate.Domain.Time;
using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.Currency;

/// <summary>
/// Issue 11's acceptance end to end, in Debian's Chromium on the real kiosk and the real service (HTTPS, PostgreSQL,
/// SignalR): a departing traveller declares ¥1,500,000 in mixed currencies with the kiosk's currency flow; the declaration
/// appears live on the departure console of a signed-in departure officer; staff count a different amount; a false
/// declaration with a retention receipt results; the day's FIU export has it. And on arrival, a "yes" to payment means
/// brings the same form (direction arrival) before the lane.
/// Threshold: Japan, FEFTA art. 19(3) with its Cabinet Order, "over ¥1,000,000" (docs/currency-rules.md). Rates: this
/// test's own weekly rate, USD at ¥150.00, so 5,000 USD is ¥750,000 by hand.
/// </summary>
public sealed class CurrencyAtTheKioskTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static readonly Dictionary<string, string?> BothFlows = new() { ["Kiosk:Flows"] = "arrival,currency" };

    [FacesFact]
    public async Task A_departing_traveller_declares_1500000_yen_in_yen_and_dollars_at_the_kiosk_and_staff_turn_it_into_a_false_declaration_in_the_days_FIU_export()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString, c => c["Staff:SignInAttemptsPerMinute"] = "1000", https: true);
        await ImportRatesAsync(server);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-CUR1", BothFlows, airport: "NRT");
        var (playwright, browser) = await Chromium.LaunchAsync(Chromium.Trust(server.Certificate!));
        try
        {
            // The departure officer's console is open first: the kiosk's declaration must arrive without a reload.
            var password = await server.EnsureStaffAsync("cur-departure", StaffRole.Departure, "NRT");
            var console = await browser.NewPageAsync();
            await Chromium.SignInAsync(console, server.BaseAddress, "cur-departure", password, "/console/departure/");
            await Assertions.Expect(console.Locator("#hub-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 20_000 });

            var page = await KioskPage.OpenAsync(browser, kiosk.Url);
            await page.Page.ClickAsync("[data-action='start-flow'][data-flow='currency']");
            await page.WaitForScreenAsync("placePassport");
            kiosk.PlacePassport(Traveller.Adult("TC0000011"), "obama_1.jpg");
            await page.WaitForScreenAsync("currency", 60_000);
            Assert.Equal("departure", await page.Page.GetAttributeAsync("section.currency", "data-direction"));

            // ¥750,000 in yen with the stepper (typed 740,000, one step of ¥10,000 up) ...
            var yen = page.Page.Locator("[data-line='cash']").First;
            Assert.Equal("JPY", await yen.Locator("[data-select='currency']").InputValueAsync());
            await yen.Locator("[data-stepper='amount']").FillAsync("740000");
            await yen.Locator("[data-step='amount-up']").ClickAsync();
            Assert.Equal("750000", await yen.Locator("[data-stepper='amount']").InputValueAsync());

            // ... and US$5,000, from the picker the service fills with this week's rated currencies.
            await page.ClickAsync("add-cash");
            var dollars = page.Page.Locator("[data-line='cash']").Nth(1);
            await Assertions.Expect(dollars.Locator("[data-select='currency'] option[value='USD']")).ToHaveCountAsync(1);
            await dollars.Locator("[data-select='currency']").SelectOptionAsync("USD");
            await dollars.Locator("[data-stepper='amount']").FillAsync("5000");
            await page.Page.FillAsync("[data-text='destinationCountry']", "KOR");
            await page.Page.FillAsync("[data-text='origin']", "savings");
            await page.Page.FillAsync("[data-text='intendedUse']", "family in Seoul");

            // The review is the service's: ¥750,000 + 5,000 × ¥150.00 = ¥1,500,000, over ¥1,000,000, so required.
            await page.ClickAsync("review-currency");
            var review = page.Page.Locator("[data-currency-review='shown']");
            await Assertions.Expect(review).ToHaveAttributeAsync("data-total", "1500000", new() { Timeout = 15_000 });
            Assert.Equal("true", await review.GetAttributeAsync("data-required"));
            await page.ChooseLanguageAsync("en");
            await Assertions.Expect(page.Page.Locator("[data-review-total]")).ToHaveTextAsync("Total: 1,500,000 JPY");

            await page.ClickAsync("submit-currency");
            await page.WaitForScreenAsync("currencyResult");
            var number = await page.Page.GetAttributeAsync("[data-currency-number]", "data-currency-number") ?? "";
            Assert.Matches("^CD-[0-9]{6}$", number);
            Assert.Equal("departureDesk", await page.Page.GetAttributeAsync("section.currency-result", "data-currency-next"));

            // The slip (ESC/POS, printer simulator) carries the number.
            var slip = await kiosk.WaitForSlipsAsync(1);
            Assert.Contains(slip.Lines, l => l.Text.Contains(number, StringComparison.Ordinal));

            // Live on the console, with the verified passport's name (not typed at the kiosk) and the service's total.
            var row = console.Locator($"#declarations tr[data-number='{number}']");
            await Assertions.Expect(row).ToContainTextAsync("OBAMA BARACK", new() { Timeout = 15_000 });
            await Assertions.Expect(row).ToContainTextAsync("1,500,000 JPY");
            await row.GetByRole(AriaRole.Button).ClickAsync();

            // Staff count US$6,000 (declared 5,000): the difference 1,000 is shown, ¥1,650,000 counted in all.
            var usd = console.Locator("#count-table tr[data-path='$.instruments[1]']");
            await usd.Locator("input").FillAsync("6000");
            await console.Locator("#save-count").ClickAsync();
            await Assertions.Expect(usd.Locator("[data-role=difference]")).ToHaveTextAsync("1,000", new() { Timeout = 15_000 });
            await Assertions.Expect(console.Locator("#count-summary")).ToContainTextAsync("1,650,000 JPY");

            // False declaration: the cash restrained with a retention receipt.
            await console.Locator("#outcome").SelectOptionAsync("falseDeclaration");
            await console.Locator("#origin").FillAsync("savings");
            await console.Locator("#intended-use").FillAsync("family in Seoul");
            await console.Locator("#restrain").FillAsync("1650000");
            await console.Locator("#decide").ClickAsync();
            await Assertions.Expect(row.Locator(".status")).ToHaveTextAsync("False declaration", new() { Timeout = 15_000 });
            var receipt = console.Locator("#receipt-link");
            await Assertions.Expect(receipt).ToHaveAttributeAsync("href", new Regex("/retention-receipt\\.pdf$"));
            var receiptHref = await receipt.GetAttributeAsync("href");
            Assert.Equal("%PDF", await console.EvaluateAsync<string>($"async () => (await (await fetch('{receiptHref}')).text()).slice(0, 4)"));

            // The day's FIU export has it, made at the kiosk, as a false declaration.
            var day = server.Services.GetRequiredService<AirportClock>().Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var csv = await console.EvaluateAsync<string>($"async () => (await fetch('/api/currency/export?from={day}&to={day}&format=csv')).text()");
            Assert.Contains($"{number},NRT,falseDeclaration,kiosk,", csv, StringComparison.Ordinal);
            var id = long.Parse(number["CD-".Length..], CultureInfo.InvariantCulture);
            Assert.Equal("NRT-UI-CUR1|TC0000011", await db.ScalarAsync<string>($"SELECT kiosk_id || '|' || (declaration->'bearer'->>'documentNumber') FROM currency_declarations WHERE id = {id}"));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [FacesFact]
    public async Task An_arriving_traveller_who_answers_yes_to_payment_means_declares_them_on_the_same_form_before_the_lane_is_shown()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await ImportRatesAsync(server);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-CUR2", BothFlows, airport: "NRT");
        await using var browser = await KioskBrowser.LaunchAsync("obama_2.jpg");
        var page = await browser.OpenAsync(kiosk);

        await page.Page.ClickAsync("[data-action='start-flow'][data-flow='arrival']");
        await page.WaitForScreenAsync("placePassport");
        kiosk.PlacePassport(Traveller.Adult("TC0000029"), "obama_1.jpg");
        await page.WaitForScreenAsync("declaration", KioskPage.FaceTimeoutMs);
        await page.Page.FillAsync("[data-field='flightOrVessel']", "NH9");
        await page.Page.FillAsync("[data-field='embarkationPoint']", "LAX");
        await page.Page.FillAsync("[data-field='addressInJapan']", "Narita, Chiba");
        foreach (var answer in await page.Page.QuerySelectorAllAsync("input[type='radio'][value='no']:not([name='paymentMeansOverThreshold'])"))
        {
            await answer.CheckAsync();
        }

        await page.Page.Locator("input[name='paymentMeansOverThreshold'][value='yes']").CheckAsync();
        await page.ClickAsync("submit-declaration");

        // The currency form, for an arrival: no destination country.
        await page.WaitForScreenAsync("currency");
        Assert.Equal("arrival", await page.Page.GetAttributeAsync("section.currency", "data-direction"));
        Assert.Equal(0, await page.Page.Locator("[data-text='destinationCountry']").CountAsync());
        var cash = page.Page.Locator("[data-line='cash']").First;
        await Assertions.Expect(cash.Locator("[data-select='currency'] option[value='USD']")).ToHaveCountAsync(1);
        await cash.Locator("[data-select='currency']").SelectOptionAsync("USD");
        await cash.Locator("[data-stepper='amount']").FillAsync("8000");

        // US$8,000 × ¥150.00 = ¥1,200,000: over ¥1,000,000.
        await page.ClickAsync("review-currency");
        await Assertions.Expect(page.Page.Locator("[data-currency-review='shown']")).ToHaveAttributeAsync("data-total", "1200000", new() { Timeout = 15_000 });
        await page.ClickAsync("submit-currency");

        // DOMAIN.md §2: a "yes" is checked by an officer — red, with the currency declaration's number to show.
        Assert.Equal("red", await page.LaneAsync());
        Assert.Contains("declaredPaymentMeans", await page.ReasonCodesAsync());
        var number = await page.Page.GetAttributeAsync("section.result [data-currency-number]", "data-currency-number") ?? "";
        Assert.Matches("^CD-[0-9]{6}$", number);
        var id = long.Parse(number["CD-".Length..], CultureInfo.InvariantCulture);
        Assert.Equal("arrival|NRT-UI-CUR2|true", await db.ScalarAsync<string>($"SELECT direction || '|' || kiosk_id || '|' || ((assessment->>'total')::numeric = 1200000) FROM currency_declarations WHERE id = {id}"));
    }

    /// <summary>This week's rates for the test: USD at ¥150.00 (a round test value, so the yen amounts are worked by hand).</summary>
    internal static async Task ImportRatesAsync(RunningServer server)
    {
        var today = server.Services.GetRequiredService<AirportClock>().Today;
        var from = today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var table = CustomsRateTable.FromCsv(CustomsRateTable.CsvHeader + $"\nUSD,{from},{to},150.00,test rate\n").Table!;
        await server.Services.GetRequiredService<RateStore>().ImportRatesAsync(table, TimeProvider.System.GetUtcNow(), default);
    }
}
