using PassengerGate.Domain.Currency;
using PassengerGate.Domain.PaymentMeans;
using static PassengerGate.Domain.Tests.PaymentMeans.CurrencyDeclarations;

namespace PassengerGate.Domain.Tests.PaymentMeans;

public class CurrencyAssessorTests
{
    // ---- DOMAIN.md §5 rule 1, per jurisdiction, exactly at the threshold and one minor unit over ----

    [Fact]
    public void Rule1_JP_one_million_yen_exactly_needs_no_declaration()
    {
        // FEFTA art. 19(3); Customs Answer 7305: "exceeding ¥1,000,000". 1,000,000 is not over 1,000,000.
        var a = Assess(Declaration(Jurisdiction.JP, Cash(1_000_000m, "JPY")));
        Assert.False(a.DeclarationRequired);
        Assert.Equal(1_000_000m, a.Total);
        Assert.Equal(new Threshold(1_000_000m, ComparisonOperator.GreaterThan), a.Threshold);
    }

    [Fact]
    public void Rule1_JP_one_million_and_one_yen_needs_a_declaration()
    {
        // Customs Answer 7305: over ¥1,000,000; the yen's smallest unit in use is ¥1, so ¥1,000,001 is over.
        var a = Assess(Declaration(Jurisdiction.JP, Cash(1_000_001m, "JPY")));
        Assert.True(a.DeclarationRequired);
        Assert.Contains(a.Reasons, r => r.Code == "total.overThreshold");
    }

    [Fact]
    public void Rule1_EU_ten_thousand_euro_exactly_needs_a_declaration()
    {
        // Regulation (EU) 2018/1672 art. 3(1): cash "of a value of EUR 10 000 or more".
        Assert.True(Assess(Declaration(Jurisdiction.EU, Cash(10_000m, "EUR"))).DeclarationRequired);
    }

    [Fact]
    public void Rule1_EU_one_cent_under_ten_thousand_euro_needs_none()
    {
        // 9,999.99 is under "EUR 10 000 or more" (art. 3(1)); one cent more is the threshold itself.
        Assert.False(Assess(Declaration(Jurisdiction.EU, Cash(9_999.99m, "EUR"))).DeclarationRequired);
    }

    [Fact]
    public void Rule1_US_ten_thousand_dollars_exactly_needs_no_report()
    {
        // 31 U.S.C. 5316(a); 31 CFR 1010.340(a): "more than $10,000".
        Assert.False(Assess(Declaration(Jurisdiction.US, Cash(10_000m, "USD"))).DeclarationRequired);
    }

    [Fact]
    public void Rule1_US_ten_thousand_dollars_and_one_cent_needs_a_report()
    {
        Assert.True(Assess(Declaration(Jurisdiction.US, Cash(10_000.01m, "USD"))).DeclarationRequired);
    }

    [Fact]
    public void Rule1_AU_ten_thousand_australian_dollars_exactly_needs_a_report()
    {
        // AML/CTF Act 2006 s. 53: physical currency of "not less than" A$10,000 (A$10,000 or more).
        Assert.True(Assess(Declaration(Jurisdiction.AU, Cash(10_000m, "AUD"))).DeclarationRequired);
        Assert.False(Assess(Declaration(Jurisdiction.AU, Cash(9_999.99m, "AUD"))).DeclarationRequired);
    }

    [Fact]
    public void Rule1_NZ_ten_thousand_new_zealand_dollars_exactly_needs_a_report()
    {
        // AML/CFT Act 2009 s. 68: cash of NZ$10,000 or more.
        Assert.True(Assess(Declaration(Jurisdiction.NZ, Cash(10_000m, "NZD"))).DeclarationRequired);
        Assert.False(Assess(Declaration(Jurisdiction.NZ, Cash(9_999.99m, "NZD"))).DeclarationRequired);
    }

    [Fact]
    public void Rule1_SG_twenty_thousand_singapore_dollars_exactly_needs_no_report()
    {
        // CDSA Part 6: physical currency and BNIs "exceeding" S$20,000.
        Assert.False(Assess(Declaration(Jurisdiction.SG, Cash(20_000m, "SGD"))).DeclarationRequired);
        Assert.True(Assess(Declaration(Jurisdiction.SG, Cash(20_000.01m, "SGD"))).DeclarationRequired);
    }

    [Fact]
    public void The_operator_is_data_so_the_same_amount_flips_with_the_pack()
    {
        // The same JP total of exactly ¥1,000,000 under a pack that says "or more" needs a declaration.
        var book = CurrencyRuleBook.FromJson("""
            { "packs": [ { "id": "test-or-more", "jurisdiction": "JP", "source": "test pack", "reportingCurrency": "JPY",
              "reportingMinorUnits": 0, "threshold": { "value": 1000000, "operator": "greaterThanOrEqual" },
              "countedKinds": [ "cash" ], "transports": [] } ] }
            """);
        var result = CurrencyAssessor.Assess(Declaration(Jurisdiction.JP, Cash(1_000_000m, "JPY")), Jurisdiction.JP, book, Rates(), Date);
        Assert.True(result.Assessment!.DeclarationRequired);
    }

    // ---- North Korea ----

    [Fact]
    public void JP_departure_to_North_Korea_over_one_hundred_thousand_yen_needs_a_declaration()
    {
        // Customs Answer 7305: "0.1 million JPY in a case that you are bound for North Korea" (since 19 Feb 2016).
        var at = Assess(Declaration(Jurisdiction.JP, Cash(100_000m, "JPY")) with { DestinationCountry = "PRK" });
        var over = Assess(Declaration(Jurisdiction.JP, Cash(100_001m, "JPY")) with { DestinationCountry = "PRK" });
        Assert.False(at.DeclarationRequired);
        Assert.True(over.DeclarationRequired);
        Assert.Equal(100_000m, over.Threshold.Value);
        Assert.Contains(over.Reasons, r => r.Code == "threshold.destination");
    }

    [Fact]
    public void JP_the_North_Korea_threshold_applies_only_to_departures_to_PRK()
    {
        // ¥100,001 to Korea (KOR), and ¥100,001 on arrival, stay under the general ¥1,000,000.
        Assert.False(Assess(Declaration(Jurisdiction.JP, Cash(100_001m, "JPY"))).DeclarationRequired);
        var arrival = Declaration(Jurisdiction.JP, Cash(100_001m, "JPY")) with { Direction = CarryDirection.Arrival, DestinationCountry = "PRK" };
        Assert.False(Assess(arrival).DeclarationRequired);
    }

    // ---- DOMAIN.md §5 rule 2: gold purity and weight ----

    [Fact]
    public void Rule2_gold_of_1001_grams_at_90_percent_needs_a_declaration()
    {
        // Foreign Exchange Order art. 8-2 / Customs Answer 7305: gold of 90 % purity or more, over 1 kg.
        var a = Assess(Declaration(Jurisdiction.JP, new PreciousMetalInstrument(Metal.Gold, MetalForm.Bar, 1_001m, 90m)));
        Assert.True(a.DeclarationRequired);
        Assert.Equal(1_001m, a.PreciousMetalGrams);
        Assert.Contains(a.Reasons, r => r.Code == "preciousMetal.overWeight");
    }

    [Fact]
    public void Rule2_gold_of_1001_grams_at_89_percent_needs_no_declaration()
    {
        var a = Assess(Declaration(Jurisdiction.JP, new PreciousMetalInstrument(Metal.Gold, MetalForm.Bar, 1_001m, 89m)));
        Assert.False(a.DeclarationRequired);
        Assert.Contains(a.Reasons, r => r.Code == "preciousMetal.notCovered");
    }

    [Fact]
    public void Gold_of_exactly_one_kilogram_needs_no_declaration_and_weights_add_up()
    {
        // "over 1 kg": 1,000 g is not over; two bars of 600 g and 401 g are 1,001 g in total.
        Assert.False(Assess(Declaration(Jurisdiction.JP, new PreciousMetalInstrument(Metal.Gold, MetalForm.Bar, 1_000m, 99.99m))).DeclarationRequired);
        var two = Assess(Declaration(
            Jurisdiction.JP,
            new PreciousMetalInstrument(Metal.Gold, MetalForm.Bar, 600m, 99.99m),
            new PreciousMetalInstrument(Metal.Gold, MetalForm.Other, 401m, 95m)));
        Assert.True(two.DeclarationRequired);
        Assert.Equal(1_001m, two.PreciousMetalGrams);
    }

    [Fact]
    public void EU_gold_coins_of_90_percent_count_as_cash_at_their_value()
    {
        // Reg. 2018/1672 Annex I 1(a): coins with a gold content of at least 90 %. €6,000 coins + €4,000 notes = €10,000.
        var a = Assess(Declaration(
            Jurisdiction.EU,
            new PreciousMetalInstrument(Metal.Gold, MetalForm.Coin, 100m, 91.67m) { Value = M(6_000m, "EUR") },
            Cash(4_000m, "EUR")));
        Assert.Equal(10_000m, a.Total);
        Assert.True(a.DeclarationRequired);
    }

    [Fact]
    public void EU_gold_bars_under_99_5_percent_are_not_cash()
    {
        // Reg. 2018/1672 Annex I 1(b): bullion with a gold content of at least 99.5 %; a 99.0 % bar is not counted.
        var bar = new PreciousMetalInstrument(Metal.Gold, MetalForm.Bar, 200m, 99.0m) { Value = M(12_000m, "EUR") };
        var a = Assess(Declaration(Jurisdiction.EU, bar));
        Assert.Equal(0m, a.Total);
        Assert.False(a.DeclarationRequired);
        var fine = Assess(Declaration(Jurisdiction.EU, bar with { PurityPercent = 99.5m }));
        Assert.Equal(12_000m, fine.Total);
        Assert.True(fine.DeclarationRequired);
    }

    [Fact]
    public void EU_gold_that_counts_without_a_value_is_an_error_at_its_field()
    {
        var result = CurrencyAssessor.Assess(
            Declaration(Jurisdiction.EU, new PreciousMetalInstrument(Metal.Gold, MetalForm.Coin, 100m, 91.67m)),
            Jurisdiction.EU, CurrencyRuleBook.Default, Rates(), Date);
        var error = Assert.Single(result.Errors);
        Assert.Equal("$.instruments[0].value", error.Path);
    }

    // ---- Securities ----

    [Fact]
    public void JP_securities_count_at_the_highest_of_market_book_and_acquisition_value()
    {
        // Customs Answer 7305: "its current price, book value, or trade value, whichever is higher".
        // max(400,000; 1,000,001; 300,000) = 1,000,001 > 1,000,000.
        var a = Assess(Declaration(Jurisdiction.JP, new SecuritiesInstrument(CurrencyCode.Jpy, 400_000m, 1_000_001m, 300_000m)));
        Assert.Equal(1_000_001m, a.Total);
        Assert.True(a.DeclarationRequired);
        var market = Assess(Declaration(Jurisdiction.JP, new SecuritiesInstrument(CurrencyCode.Jpy, 1_000_000m, 900_000m, null)));
        Assert.Equal(1_000_000m, market.Total);
        Assert.False(market.DeclarationRequired);
    }

    // ---- Conversion with the dated weekly rate ----

    [Fact]
    public void JP_mixed_currencies_convert_at_the_weekly_rate_of_the_declaration_date()
    {
        // [S25] USD 1 = ¥155.45 for 4–10 Aug 2024: USD 6,000 = ¥932,700; + ¥67,300 = ¥1,000,000 (not over);
        // + ¥67,301 = ¥1,000,001 (over).
        var at = Assess(Declaration(Jurisdiction.JP, Cash(6_000m, "USD"), Cash(67_300m, "JPY")));
        Assert.Equal(1_000_000m, at.Total);
        Assert.False(at.DeclarationRequired);
        var rate = Assert.Single(at.RatesUsed);
        Assert.Equal(155.45m, rate.YenPerUnit);
        Assert.Equal((new DateOnly(2024, 8, 4), new DateOnly(2024, 8, 10)), (rate.ValidFrom, rate.ValidTo));
        Assert.True(Assess(Declaration(Jurisdiction.JP, Cash(6_000m, "USD"), Cash(67_301m, "JPY"))).DeclarationRequired);
    }

    [Fact]
    public void EU_crosses_through_the_yen_with_both_weekly_rates()
    {
        // USD 1,000 × 155.45 ¥/USD ÷ 160.00 ¥/EUR (test rate) = 971.5625 → cut to €971.56;
        // + €9,028.44 = €10,000.00 (or more: declare); + €9,028.43 = €9,999.99 (not).
        var at = Assess(Declaration(Jurisdiction.EU, Cash(1_000m, "USD"), Cash(9_028.44m, "EUR")));
        Assert.Equal(10_000.00m, at.Total);
        Assert.True(at.DeclarationRequired);
        Assert.Equal(["EUR", "USD"], at.RatesUsed.Select(r => r.Currency.Value).Order(StringComparer.Ordinal));
        Assert.False(Assess(Declaration(Jurisdiction.EU, Cash(1_000m, "USD"), Cash(9_028.43m, "EUR"))).DeclarationRequired);
    }

    [Fact]
    public void A_missing_rate_is_an_error_naming_the_currency_and_the_week()
    {
        // 20 Aug 2024 falls in the customs week Sunday 18 – Saturday 24 Aug 2024, absent from the table.
        var declaration = Declaration(Jurisdiction.JP, Cash(100m, "USD")) with { DeclarationDate = new DateOnly(2024, 8, 20) };
        var result = CurrencyAssessor.Assess(declaration, Jurisdiction.JP, CurrencyRuleBook.Default, Rates(), declaration.DeclarationDate);
        Assert.False(result.Succeeded);
        Assert.Null(result.Assessment);
        var error = Assert.Single(result.Errors);
        Assert.Equal("rate.missing", error.Code);
        Assert.Equal("$.instruments[0].currency", error.Path);
        Assert.Contains("USD", error.Message, StringComparison.Ordinal);
        Assert.Contains("2024-08-18..2024-08-24", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EU_needs_the_euro_rate_too_and_names_it_when_missing()
    {
        var table = CustomsRateTable.FromCsv("currency,validFrom,validTo,yenPerUnit,source\nUSD,2024-08-04,2024-08-10,155.45,S25\n").Table!;
        var result = CurrencyAssessor.Assess(Declaration(Jurisdiction.EU, Cash(100m, "USD")), Jurisdiction.EU, CurrencyRuleBook.Default, table, Date);
        var error = Assert.Single(result.Errors);
        Assert.Contains("EUR", error.Message, StringComparison.Ordinal);
    }

    // ---- What counts, and how it moves ----

    [Fact]
    public void JP_does_not_count_prepaid_cards()
    {
        var a = Assess(Declaration(Jurisdiction.JP, Cash(900_000m, "JPY"), new PrepaidCardInstrument(M(500_000m, "JPY"))));
        Assert.Equal(900_000m, a.Total);
        Assert.False(a.DeclarationRequired);
        Assert.Contains(a.Reasons, r => r.Code == "instrument.notCounted");
    }

    [Fact]
    public void A_pack_that_lists_prepaid_cards_counts_them()
    {
        // No shipped pack counts prepaid cards (docs/currency-rules.md); a pack that lists them adds their value:
        // €6,000 notes + €4,000 on a card = €10,000, "or more" in this test pack.
        var book = CurrencyRuleBook.FromJson("""
            { "packs": [ { "id": "test-cards", "jurisdiction": "EU", "source": "test pack", "reportingCurrency": "EUR",
              "reportingMinorUnits": 2, "threshold": { "value": 10000, "operator": "greaterThanOrEqual" },
              "countedKinds": [ "cash", "prepaidCard" ], "transports": [] } ] }
            """);
        var result = CurrencyAssessor.Assess(Declaration(Jurisdiction.EU, Cash(6_000m, "EUR"), new PrepaidCardInstrument(M(4_000m, "EUR"))), Jurisdiction.EU, book, Rates(), Date);
        Assert.Equal(10_000m, result.Assessment!.Total);
        Assert.True(result.Assessment.DeclarationRequired);
    }

    [Fact]
    public void JP_counts_cheques_promissory_notes_and_travellers_cheques_with_cash()
    {
        // Customs Answer 7305 list: cash, checks incl. traveller's checks, promissory notes, securities.
        var a = Assess(Declaration(
            Jurisdiction.JP,
            Cash(400_000m, "JPY"),
            new NegotiableInstrument(InstrumentKind.TravellersCheques, M(300_000m, "JPY")),
            new NegotiableInstrument(InstrumentKind.Cheque, M(200_000m, "JPY")),
            new NegotiableInstrument(InstrumentKind.PromissoryNote, M(100_001m, "JPY"))));
        Assert.Equal(1_000_001m, a.Total);
        Assert.True(a.DeclarationRequired);
    }

    [Fact]
    public void EU_unaccompanied_cash_is_disclosed_on_request_not_declared()
    {
        // Reg. 2018/1672 art. 4: unaccompanied cash of EUR 10 000 or more, disclosure on request within 30 days.
        var a = Assess(Declaration(Jurisdiction.EU, Cash(10_000m, "EUR")) with { Transport = CashTransport.Mail });
        Assert.False(a.DeclarationRequired);
        Assert.True(a.DisclosureOnRequest);
        Assert.Contains(a.Reasons, r => r.Code == "transport.disclosureOnRequest");
    }

    [Fact]
    public void A_jurisdiction_other_than_the_files_is_assessed_with_its_own_pack()
    {
        // The same USD 10,000 is not over the US "more than $10,000"; as EUR 9,715.62 (10,000 × 155.45 ÷ 160.00,
        // cut to the cent) it is under the EU's EUR 10,000.
        var declaration = Declaration(Jurisdiction.JP, Cash(10_000m, "USD"));
        Assert.False(Assess(declaration, Jurisdiction.US).DeclarationRequired);
        var eu = Assess(declaration, Jurisdiction.EU);
        Assert.Equal(9_715.62m, eu.Total);
        Assert.Equal("EUR", eu.ReportingCurrency.Value);
    }
}
