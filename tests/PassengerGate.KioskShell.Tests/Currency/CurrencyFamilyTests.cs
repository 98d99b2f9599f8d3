using System.Globalization;
using Microsoft.Playwright;
using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.Currency;

/// <summary>
/// A family declares means of payment at the kiosk's departure currency flow, one bearer after another (FATF R.32 INR:
/// the declaration is the bearer's, so each member reads their own passport and gets their own declaration, number and
/// slip; decision 0022, "Families"), in Debian's Chromium on the real kiosk and service. Threshold: Japan, FEFTA art.
/// 19(3) with its Cabinet Order, "over ¥1,000,000" (docs/currency-rules.md): ¥1,200,000 must be declared at the desk,
/// ¥300,000 need not.
/// </summary>
public sealed class CurrencyFamilyTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [FacesFact]
    public async Task Each_family_member_declares_as_the_bearer_of_their_own_money_and_the_summary_lists_everyone()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await CurrencyAtTheKioskTests.ImportRatesAsync(server);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-CURFAM", new Dictionary<string, string?> { ["Kiosk:Flows"] = "arrival,currency" }, airport: "NRT");
        await using var browser = await KioskBrowser.LaunchAsync(null);
        var page = await browser.OpenAsync(kiosk);

        // Each flow on the first screen can be started alone or for a family.
        Assert.Equal(2, await page.Page.Locator("[data-action='start-family']").CountAsync());
        await page.Page.ClickAsync("[data-action='start-family'][data-flow='currency']");
        await page.WaitForScreenAsync("placePassport");
        Assert.Equal(1, await page.Page.Locator("[data-i18n='familyMember']").CountAsync());

        // The first member: ¥1,200,000 in yen, over the threshold, so the departure desk.
        kiosk.PlacePassport(Traveller.Adult("TF0000011", "OBAMA", "MICHELLE"), "obama_1.jpg");
        var first = await DeclareYenAsync(page, "1200000");
        Assert.Equal("departureDesk", await page.Page.GetAttributeAsync("section.currency-result", "data-currency-next"));
        await Assertions.Expect(page.Page.Locator("ol.members li")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await page.ClickAsync("next-member");

        // The second member: ¥300,000, under it: nothing more for the money.
        await page.WaitForScreenAsync("placePassport");
        kiosk.PlacePassport(Traveller.Adult("TF0000029", "OBAMA", "SASHA"), "obama_2.jpg");
        var second = await DeclareYenAsync(page, "300000");
        Assert.NotEqual(first, second);
        Assert.Equal("continue", await page.Page.GetAttributeAsync("section.currency-result", "data-currency-next"));

        // The summary names both, each with where they go; each member had their own slip.
        var members = page.Page.Locator("ol.members li");
        await Assertions.Expect(members).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        await Assertions.Expect(members.Nth(0)).ToHaveAttributeAsync("data-lane", "red");
        await Assertions.Expect(members.Nth(0)).ToContainTextAsync("MICHELLE");
        await Assertions.Expect(members.Nth(1)).ToHaveAttributeAsync("data-lane", "green");
        await Assertions.Expect(members.Nth(1)).ToContainTextAsync("SASHA");
        await page.ChooseLanguageAsync("en");
        await Assertions.Expect(members.Nth(0)).ToContainTextAsync("departure customs desk");
        var slips = await kiosk.WaitForSlipsAsync(2);
        Assert.Contains(slips.Lines, l => l.Text.Contains(first, StringComparison.Ordinal));
        Assert.Contains(slips.Lines, l => l.Text.Contains(second, StringComparison.Ordinal));

        // Each declaration's bearer is the passport its member placed, not the first member's.
        Assert.Equal("TF0000011", await BearerAsync(first));
        Assert.Equal("TF0000029", await BearerAsync(second));

        await page.ClickAsync("finish");
        await page.WaitForScreenAsync("welcome");
    }

    private static async Task<string> DeclareYenAsync(KioskPage page, string amount)
    {
        await page.WaitForScreenAsync("currency", 60_000);
        var yen = page.Page.Locator("[data-line='cash']").First;
        await yen.Locator("[data-stepper='amount']").FillAsync(amount);
        await page.Page.FillAsync("[data-text='destinationCountry']", "KOR");
        await page.ClickAsync("review-currency");
        await Assertions.Expect(page.Page.Locator("[data-currency-review='shown']")).ToHaveAttributeAsync("data-total", amount, new() { Timeout = 15_000 });
        await page.ClickAsync("submit-currency");
        await page.WaitForScreenAsync("currencyResult");
        var number = await page.Page.GetAttributeAsync("[data-currency-number]", "data-currency-number") ?? "";
        Assert.Matches("^CD-[0-9]{6}$", number);
        return number;
    }

    private Task<string?> BearerAsync(string number) =>
        db.ScalarAsync<string>($"SELECT declaration->'bearer'->>'documentNumber' FROM currency_declarations WHERE id = {long.Parse(number["CD-".Length..], CultureInfo.InvariantCulture)}");
}
