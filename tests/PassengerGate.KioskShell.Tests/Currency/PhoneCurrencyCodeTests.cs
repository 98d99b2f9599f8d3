using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using PassengerGate.Domain.Time;
using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.Currency;

/// <summary>
/// Issue 11 point 1, "pre-declared on the phone page with the same signed QR mechanism" (decision 0026), end to end in
/// Chromium on the real kiosk and service: the phone's code, scanned at the kiosk's currency step, fills the form for the
/// traveller to check; the declaration stored is the verified passport's, with the flight and booking only the phone
/// asked. A code of another kind, or of the other direction, is refused on screen and fills nothing.
/// Threshold: Japan, "over ¥1,000,000" (docs/currency-rules.md); USD at this test's ¥150.00, so 600,000 + 3,000 × 150 =
/// 1,050,000 by hand.
/// </summary>
public sealed class PhoneCurrencyCodeTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static readonly Dictionary<string, string?> BothFlows = new() { ["Kiosk:Flows"] = "arrival,currency" };

    [FacesFact]
    public async Task A_code_made_on_the_phone_fills_the_kiosks_currency_form_and_the_declaration_is_the_verified_passports()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await CurrencyAtTheKioskTests.ImportRatesAsync(server);
        var today = server.Services.GetRequiredService<AirportClock>().Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var departure = await PostAsync(server, "/api/predeclarations/currency", CurrencyJson(today, "departure"));
        var otherDirection = await PostAsync(server, "/api/predeclarations/currency", CurrencyJson(today, "arrival"));
        var arrivalCode = await PostAsync(server, "/api/predeclarations", ArrivalJson(today));
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-CUR3", BothFlows, airport: "NRT");
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await KioskPage.OpenAsync(browser, kiosk.Url);
            await page.Page.ClickAsync("[data-action='start-flow'][data-flow='currency']");
            await page.WaitForScreenAsync("placePassport");
            kiosk.PlacePassport(Traveller.Adult("TC0000037"), "obama_1.jpg");
            await page.WaitForScreenAsync("currency", 60_000);

            // The arrival declaration's code, and a currency code for entering Japan, are not this step's: refused, nothing
            // filled, and nothing the traveller had typed before scanning them is lost.
            await page.Page.FillAsync("[data-line='cash'] [data-stepper='amount']", "250000");
            await page.Page.FillAsync("[data-text='origin']", "salary");
            foreach (var wrong in new[] { arrivalCode, otherDirection })
            {
                kiosk.Qr.Present(wrong);
                await Assertions.Expect(page.Page.Locator("section.currency .problem[role='alert']")).ToHaveAttributeAsync("data-code", "QR_WRONG_KIND", new() { Timeout = 15_000 });
                Assert.Equal(1, await page.Page.Locator("[data-line='cash']").CountAsync());
                Assert.Equal("250000", await page.Page.Locator("[data-line='cash'] [data-stepper='amount']").InputValueAsync());
                Assert.Equal("salary", await page.Page.InputValueAsync("[data-text='origin']"));
            }

            // The phone's code: both cash lines, the destination and the purpose are in the form to check.
            kiosk.Qr.Present(departure);
            await Assertions.Expect(page.Page.Locator("[data-prefilled='true']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            Assert.Equal(0, await page.Page.Locator("section.currency .problem").CountAsync());
            var lines = page.Page.Locator("[data-line='cash']");
            await Assertions.Expect(lines).ToHaveCountAsync(2);
            Assert.Equal("600000", await lines.Nth(0).Locator("[data-stepper='amount']").InputValueAsync());
            await Assertions.Expect(lines.Nth(1).Locator("[data-select='currency']")).ToHaveValueAsync("USD");
            Assert.Equal("3000", await lines.Nth(1).Locator("[data-stepper='amount']").InputValueAsync());
            Assert.Equal("KOR", await page.Page.InputValueAsync("[data-text='destinationCountry']"));
            Assert.Equal("savings", await page.Page.InputValueAsync("[data-text='origin']"));

            await page.ClickAsync("review-currency");
            await Assertions.Expect(page.Page.Locator("[data-currency-review='shown']")).ToHaveAttributeAsync("data-total", "1050000", new() { Timeout = 15_000 });
            await page.ClickAsync("submit-currency");
            await page.WaitForScreenAsync("currencyResult");
            var number = await page.Page.GetAttributeAsync("[data-currency-number]", "data-currency-number") ?? "";
            Assert.Matches("^CD-[0-9]{6}$", number);

            // The bearer is the passport read at the kiosk, not the name and number typed on the phone; the flight and
            // booking the phone asked travel on for the structuring screen.
            var id = long.Parse(number["CD-".Length..], CultureInfo.InvariantCulture);
            Assert.Equal(
                "TC0000037|OBAMA BARACK|KE706|ABC123|1050000",
                await db.ScalarAsync<string>($"SELECT (declaration->'bearer'->>'documentNumber') || '|' || (declaration->'bearer'->>'name') || '|' || (declaration->>'flight') || '|' || (declaration->>'bookingReference') || '|' || ((assessment->>'total')::numeric)::bigint FROM currency_declarations WHERE id = {id}"));

            // The code that filled the form is marked used, as an arrival code is; the two refused codes are not.
            Assert.Equal(
                "arrival:unused|currency arrival:unused|currency departure:used",
                await db.ScalarAsync<string>("SELECT string_agg(kind || COALESCE(' ' || (declaration->>'direction'), '') || ':' || CASE WHEN used_at IS NULL THEN 'unused' ELSE 'used' END, '|' ORDER BY kind, declaration->>'direction') FROM predeclarations"));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private static string CurrencyJson(string day, string direction) => $$"""
        {"schemaVersion":1,"jurisdiction":"JP","direction":"{{direction}}","declarationDate":"{{day}}",
         "bearer":{"name":"SOMEONE TYPED","nationality":"USA","documentNumber":"XX9999999"},
         {{(direction == "departure" ? "\"destinationCountry\":\"KOR\"," : "")}}"flight":"KE706","bookingReference":"ABC123",
         "instruments":[{"kind":"cash","currency":"JPY","amount":600000},{"kind":"cash","currency":"USD","amount":3000}],
         "origin":"savings","intendedUse":"a car for a relative"}
        """;

    private static string ArrivalJson(string day) => $$"""
        { "schemaVersion": 1, "declarant": { "role": "self" },
          "header": { "flightOrVessel": "NH9", "embarkationPoint": "LAX", "arrivalDate": "{{day}}", "name": "OBAMA BARACK",
                      "addressInJapan": "Narita, Chiba", "nationality": "USA", "dateOfBirth": "1961-08-04", "passportNumber": "TC0000037" },
          "answers": { "prohibitedOrRestricted": false, "goldBullionOrProducts": false, "overDutyFreeAllowance": false,
                       "commercialGoodsOrSamples": false, "carriedForSomeoneElse": false,
                       "paymentMeansOverThreshold": false, "unaccompaniedBaggage": false } }
        """;

    private static async Task<string> PostAsync(RunningServer server, string route, string json)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(route, UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("qrText").GetString()!;
    }
}
