using Microsoft.Playwright;
using PassengerGate.Contracts.PreDeclarations;
using PassengerGate.Domain.PaymentMeans;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.PreDeclarations;

/// <summary>
/// The phone page for a currency declaration (decision 0026) in real Chromium on a phone-sized screen against the real
/// service, on 2026-11-20 in Tokyo with USD at a test rate of ¥150.00 (<see cref="PreDeclarationApiTests"/>).
/// </summary>
public class CurrencyPreDeclarationPageTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly ShiftedClock _clock = new(PreDeclarationApiTests.NoonOnArrivalDay);
    private RunningServer _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        await PreDeclarationApiTests.ForgetSigningKeysAsync(db);
        _server = await RunningServer.StartAsync(db.ConnectionString, clock: _clock);
        await PreDeclarationApiTests.ImportUsdRateAsync(_server, _clock);
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<IPage> OpenAsync()
    {
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "en-US" });
        // Reached from the arrival pre-declaration page's link.
        await page.GotoAsync(new Uri(_server.BaseAddress, "/predeclare/").ToString());
        await page.WaitForSelectorAsync("html[data-i18n-ready]");
        await page.Locator("#currency-link").ClickAsync();
        await page.WaitForSelectorAsync("html[data-i18n-ready]");
        await page.Locator("#lang").SelectOptionAsync("en");
        return page;
    }

    private static async Task FillTravellerAsync(IPage page)
    {
        await page.FillAsync("#declarationDate", "2026-11-20");
        await page.FillAsync("#destinationCountry", "KOR");
        await page.FillAsync("#flight", "KE706");
        await page.FillAsync("#name", "TEST TRAVELLER");
        await page.FillAsync("#nationality", "JPN");
        await page.FillAsync("#passportNumber", "TK0000001");
    }

    [Fact]
    public async Task A_departing_travellers_cash_in_two_currencies_gives_a_currency_QR_and_the_services_verdict()
    {
        var page = await OpenAsync();
        await FillTravellerAsync(page);
        await page.Locator("#cash-lines li").Nth(0).Locator("[data-name=amount]").FillAsync("600000");
        await page.Locator("[data-add=cash]").ClickAsync();
        var dollars = page.Locator("#cash-lines li").Nth(1);
        await dollars.Locator("[data-name=currency]").FillAsync("usd");
        await dollars.Locator("[data-name=amount]").FillAsync("3000");
        await page.FillAsync("#origin", "savings");

        await page.Locator("#submit").ClickAsync();

        await Assertions.Expect(page.Locator("#result")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        // Japan: over ¥1,000,000 (docs/currency-rules.md); 600,000 + 3,000 × 150 = 1,050,000.
        await Assertions.Expect(page.Locator("#result-verdict")).ToHaveAttributeAsync("data-verdict", "required");
        await Assertions.Expect(page.Locator("#result-verdict")).ToHaveTextAsync("Over the limit: this declaration is required.");
        // The QR image loads after the result is shown: wait for it (as PreDeclarationPageTests does), never read it once.
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('#qr-image'); return i && i.complete && i.naturalWidth > 0; }");
        var qrText = await page.Locator("#qr-text").TextContentAsync();
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        var keys = PublishedKeyList.Parse(await http.GetStringAsync(new Uri("/api/predeclarations/keys", UriKind.Relative)))!;
        var verified = PreDeclarationQrCodec.Verify(qrText!, keys.Keys, _clock.GetUtcNow());
        Assert.True(verified.IsValid, verified.Message);
        Assert.Equal(PreDeclarationKind.Currency, verified.Claims!.Kind);
        var carried = CurrencyDeclarationJson.Read(verified.Claims.DeclarationJson).Declaration!;
        Assert.Equal(CarryDirection.Departure, carried.Direction);
        Assert.Equal("KE706", carried.Flight);
        Assert.Equal(2, carried.Instruments.Count);
    }

    [Fact]
    public async Task Missing_and_malformed_fields_are_named_on_the_page_and_nothing_is_sent()
    {
        var page = await OpenAsync();
        var sent = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/predeclarations/currency", StringComparison.Ordinal))
            {
                sent++;
            }
        };
        await FillTravellerAsync(page);
        await page.FillAsync("#destinationCountry", "KO");
        await page.Locator("#cash-lines li").Nth(0).Locator("[data-name=currency]").FillAsync("Y1");

        await page.Locator("#submit").ClickAsync();

        await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#destinationCountry")).ToHaveAttributeAsync("aria-invalid", "true");
        var line = page.Locator("#cash-lines li").Nth(0);
        await Assertions.Expect(line.Locator("[data-name=currency]")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(line.Locator("[data-name=amount]")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(3, await page.Locator("#error-list li").CountAsync());
        Assert.Equal(0, sent);
        Assert.True(await page.Locator("#result").IsHiddenAsync());
    }
}
