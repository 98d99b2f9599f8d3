using Microsoft.Playwright;
using PassengerGate.Contracts.PreDeclarations;
using PassengerGate.Domain.Arrival;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.PreDeclarations;

/// <summary>The phone pre-declaration page in real Chromium on a phone-sized screen, against the real service.</summary>
public class PreDeclarationPageTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    // The examples arrive on 2026-11-20: the service's day is that day in Tokyo, with a USD rate for its week.
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
        // 390×844 CSS pixels: a common phone viewport.
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "en-US" });
        await page.GotoAsync(new Uri(_server.BaseAddress, "/predeclare/").ToString());
        // The words arrive from the shared catalogue (i18n/<tag>.json) before the page is wired.
        await page.WaitForSelectorAsync("html[data-i18n-ready]");
        await page.Locator("#lang").SelectOptionAsync("en");
        return page;
    }

    private static bool HasHangul(string text) => text.Any(c => c is >= '\uAC00' and <= '\uD7A3');

    private static async Task AnswerAllNoAsync(IPage page)
    {
        // The seven C5360 questions of docs/arrival-declaration-schema.md ("answers").
        foreach (var name in new[] { "prohibitedOrRestricted", "goldBullionOrProducts", "overDutyFreeAllowance", "commercialGoodsOrSamples", "carriedForSomeoneElse", "paymentMeansOverThreshold", "unaccompaniedBaggage" })
        {
            await page.Locator($"input[name={name}][value=false]").CheckAsync();
        }
    }

    private async Task<PreDeclarationVerification> VerifyAsKioskAsync(string qrText)
    {
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        var keys = PublishedKeyList.Parse(await http.GetStringAsync(new Uri("/api/predeclarations/keys", UriKind.Relative)));
        Assert.NotNull(keys);
        return PreDeclarationQrCodec.Verify(qrText, keys.Keys, _clock.GetUtcNow());
    }

    [Fact]
    public async Task A_declaration_begun_in_English_and_finished_in_Korean_gives_a_QR_that_verifies_against_the_published_keys()
    {
        var page = await OpenAsync();
        var nameLabel = page.Locator("label[for=name]");
        var englishLabel = await nameLabel.TextContentAsync();

        // The header of the schema example (docs/arrival-declaration-schema.md).
        await page.GetByLabel("Flight number or vessel name").FillAsync("NH9");
        await page.Locator("#embarkationPoint").FillAsync("LAX");
        await page.Locator("#arrivalDate").FillAsync("2026-11-20");
        await page.Locator("#name").FillAsync("Test Traveller");
        await page.Locator("#dateOfBirth").FillAsync("1980-05-01");

        await page.Locator("#lang").SelectOptionAsync("ko");

        Assert.Equal("ko", await page.Locator("html").GetAttributeAsync("lang"));
        var koreanLabel = await nameLabel.TextContentAsync();
        Assert.NotEqual(englishLabel, koreanLabel);
        Assert.True(HasHangul(koreanLabel!), koreanLabel);
        Assert.True(HasHangul((await page.Locator("#submit").TextContentAsync())!));
        Assert.Equal("NH9", await page.Locator("#flightOrVessel").InputValueAsync());
        Assert.Equal("Test Traveller", await page.Locator("#name").InputValueAsync());
        Assert.Equal("1980-05-01", await page.Locator("#dateOfBirth").InputValueAsync());

        await page.Locator("#nationality").FillAsync("usa");
        await page.Locator("#passportNumber").FillAsync("X1234567");
        await page.Locator("#addressInJapan").FillAsync("Tokyo");
        await AnswerAllNoAsync(page);
        await page.Locator("#add-other").ClickAsync();
        var item = page.Locator("#other-lines > li").First;
        await item.Locator("[data-name=description]").FillAsync("handbag");
        await item.Locator("[data-name=unitRetailValue]").FillAsync("1400");
        await item.Locator("[data-name=currency]").FillAsync("USD");
        await page.Locator("#submit").ClickAsync();

        var card = page.Locator(".qr-card").First;
        await Assertions.Expect(card.Locator("img.qr-image")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('.qr-card img'); return i.complete && i.naturalWidth > 0; }");
        Assert.True(HasHangul((await card.Locator("img").GetAttributeAsync("alt"))!));

        var qrText = (await card.Locator(".qr-text").TextContentAsync())!;
        var result = await VerifyAsKioskAsync(qrText);
        Assert.True(result.IsValid, result.Message);
        var read = DeclarationJson.Read(result.Claims!.DeclarationJson);
        Assert.True(read.IsValid);
        var declaration = read.Declaration!;
        Assert.Equal("Test Traveller", declaration.Header.Name);
        Assert.Equal("USA", declaration.Header.Nationality);
        Assert.Equal(new DateOnly(2026, 11, 20), declaration.Header.ArrivalDate);
        Assert.False(declaration.Answers.OverDutyFreeAllowance);
        var line = Assert.Single(declaration.Goods.OtherGoods);
        Assert.Equal(1400m, line.UnitRetailValue.Amount);
        Assert.Equal("USD", line.UnitRetailValue.Currency.Value);
    }

    [Fact]
    public async Task A_nationality_the_service_refuses_is_shown_at_its_field_and_everything_typed_is_kept()
    {
        var page = await OpenAsync();
        await page.Locator("#flightOrVessel").FillAsync("NH9");
        await page.Locator("#embarkationPoint").FillAsync("LAX");
        await page.Locator("#arrivalDate").FillAsync("2026-11-20");
        await page.Locator("#name").FillAsync("Test Traveller");
        await page.Locator("#dateOfBirth").FillAsync("1980-05-01");
        // Three capital letters pass the page's own check; ICAO Doc 9303 Part 3 has no GER (Germany is D).
        await page.Locator("#nationality").FillAsync("GER");
        await page.Locator("#passportNumber").FillAsync("X1234567");
        await page.Locator("#addressInJapan").FillAsync("Tokyo");
        await AnswerAllNoAsync(page);
        await page.Locator("#add-other").ClickAsync();
        var item = page.Locator("#other-lines > li").First;
        await item.Locator("[data-name=description]").FillAsync("handbag");
        await item.Locator("[data-name=unitRetailValue]").FillAsync("1400");
        await item.Locator("[data-name=currency]").FillAsync("USD");

        await page.Locator("#submit").ClickAsync();

        await Assertions.Expect(page.Locator("#nationality")).ToHaveAttributeAsync("aria-invalid", "true", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        // The list names the field and the rule in the page's language (the service's English is for developers).
        var listed = await page.Locator("#error-list").TextContentAsync();
        Assert.Contains("Nationality", listed, StringComparison.Ordinal);
        Assert.Contains("not a recognised passport code", listed, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".qr-card").CountAsync());
        Assert.Equal("GER", await page.Locator("#nationality").InputValueAsync());
        Assert.Equal("Test Traveller", await page.Locator("#name").InputValueAsync());
        Assert.Equal("2026-11-20", await page.Locator("#arrivalDate").InputValueAsync());
        Assert.Equal("handbag", await item.Locator("[data-name=description]").InputValueAsync());
        Assert.Equal("USD", await item.Locator("[data-name=currency]").InputValueAsync());
        Assert.True(await page.Locator("input[name=unaccompaniedBaggage][value=false]").IsCheckedAsync());

        // Corrected to D, the same form is accepted.
        await page.Locator("#nationality").FillAsync("D");
        await page.Locator("#submit").ClickAsync();
        await Assertions.Expect(page.Locator(".qr-card")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task A_second_family_member_keeps_the_flight_and_shares_the_group_id()
    {
        var page = await OpenAsync();
        await page.Locator("#flightOrVessel").FillAsync("JL61");
        await page.Locator("#embarkationPoint").FillAsync("LAX");
        await page.Locator("#arrivalDate").FillAsync("2026-11-20");
        await page.Locator("#addressInJapan").FillAsync("Osaka");

        async Task FillPersonAsync(string name, string birth, string passport)
        {
            await page.Locator("#name").FillAsync(name);
            await page.Locator("#dateOfBirth").FillAsync(birth);
            await page.Locator("#nationality").FillAsync("JPN");
            await page.Locator("#passportNumber").FillAsync(passport);
            await AnswerAllNoAsync(page);
            await page.Locator("#submit").ClickAsync();
        }

        await FillPersonAsync("Parent One", "1980-01-01", "TR1111111");
        await Assertions.Expect(page.Locator(".qr-card")).ToHaveCountAsync(1, new() { Timeout = 15_000 });

        await page.Locator("#add-member").ClickAsync();
        Assert.Equal("JL61", await page.Locator("#flightOrVessel").InputValueAsync());
        Assert.Equal("", await page.Locator("#name").InputValueAsync());
        Assert.False(await page.Locator("input[name=prohibitedOrRestricted]:checked").IsVisibleAsync());
        await FillPersonAsync("Child One", "2018-01-01", "TR2222222");
        await Assertions.Expect(page.Locator(".qr-card")).ToHaveCountAsync(2, new() { Timeout = 15_000 });

        var groups = new List<string?>();
        foreach (var text in await page.Locator(".qr-text").AllTextContentsAsync())
        {
            var result = await VerifyAsKioskAsync(text);
            Assert.True(result.IsValid, result.Message);
            var declaration = DeclarationJson.Read(result.Claims!.DeclarationJson).Declaration!;
            Assert.Equal("JL61", declaration.Header.FlightOrVessel);
            groups.Add(declaration.GroupId);
        }

        Assert.NotNull(groups[0]);
        Assert.Equal(groups[0], groups[1]);
    }

    [Fact]
    public async Task An_empty_form_is_not_sent_and_every_missing_answer_is_named()
    {
        var page = await OpenAsync();

        await page.Locator("#submit").ClickAsync();

        await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        Assert.Equal("true", await page.Locator("#name").GetAttributeAsync("aria-invalid"));
        Assert.Equal("true", await page.Locator("#q-unaccompaniedBaggage").GetAttributeAsync("aria-invalid"));
        // 8 required header fields + 7 questions (docs/arrival-declaration-schema.md).
        Assert.Equal(15, await page.Locator("#error-list li").CountAsync());
        Assert.Equal(0, await page.Locator(".qr-card").CountAsync());
    }

    [Fact]
    public async Task The_guardian_name_is_asked_only_when_a_guardian_declares_for_a_child_and_then_required()
    {
        // docs/arrival-declaration-schema.md: guardianName is required when the role is guardian.
        var page = await OpenAsync();
        await Assertions.Expect(page.Locator("#guardianName")).ToBeHiddenAsync();

        await page.Locator("input[name=role][value=guardian]").CheckAsync();
        await Assertions.Expect(page.Locator("#guardianName")).ToBeVisibleAsync();
        await page.Locator("#submit").ClickAsync();
        Assert.Equal("true", await page.Locator("#guardianName").GetAttributeAsync("aria-invalid"));

        await page.Locator("input[name=role][value=self]").CheckAsync();
        await Assertions.Expect(page.Locator("#guardianName")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Every_control_has_a_label_and_the_form_is_reachable_with_the_keyboard()
    {
        var page = await OpenAsync();
        await page.Locator("#add-alcohol").ClickAsync();
        await page.Locator("#add-other").ClickAsync();

        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input, select, button')]
                .filter(el => !el.closest('template') && el.offsetParent !== null)
                .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !(el.tagName === 'BUTTON' && el.textContent.trim()))
                .map(el => el.outerHTML)
            """);
        Assert.Empty(unlabelled);

        await page.Locator("#lang").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        // The way to the currency declaration comes first (decision 0026), then the form.
        Assert.Equal("currency-link", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("flightOrVessel", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }
}
