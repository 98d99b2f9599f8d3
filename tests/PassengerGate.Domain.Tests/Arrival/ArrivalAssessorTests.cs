using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Currency;
using PassengerGate.Domain.Risk;

namespace PassengerGate.Domain.Tests.Arrival;

/// <summary>
/// DOMAIN.md §1 and §5 rules 3–4, domain-japan.md §1.3–1.4 and §6 rules 3–9. On 2026-11-20 the rules in
/// force are the 2021-10 allowances [S1], the newer simplified table [S3] and customs value = 60 % of retail.
/// Every expected yen figure is worked by hand in the comment next to it.
/// </summary>
public class ArrivalAssessorTests
{
    private static readonly DateOnly AsOf = Declarations.ArrivalDay;

    private static ArrivalAssessment Assess(ArrivalDeclaration d, ArrivalRuleBook? book = null, CustomsRateTable? rates = null) =>
        ArrivalAssessor.Assess(d, book ?? ArrivalRuleBook.Japan, rates ?? CustomsRateTable.Empty, AsOf);

    private static DeclaredGoods Other(params OtherGoodsLine[] lines) => new() { OtherGoods = lines };

    [Fact]
    public void A_fourth_bottle_for_a_20_year_old_is_dutiable()
    {
        // DOMAIN.md §5 rule 3; [S1] 3 bottles from age 20. Born 2006-11-20, arriving 2026-11-20: exactly 20.
        var d = Declarations.Traveller(new DateOnly(2006, 11, 20), new DeclaredGoods { Alcohol = [new AlcoholLine(AlcoholKind.WhiskyBrandy, 4, 750)] });
        var a = Assess(d);
        var line = Assert.Single(a.Lines);
        Assert.Equal(3m, line.FreeQuantity);
        Assert.Equal(1m, line.DutiableQuantity);
        // 1 bottle × 0.75 ℓ × ¥800/ℓ (whisky, newer table [S3]) = ¥600.
        Assert.Equal(Money.Yen(600m), line.Duty);
        Assert.Equal(Money.Yen(600m), a.TotalDuty);
        Assert.Contains(a.Reasons, r => r.Code == ReferralCodes.DutyDue);
        Assert.Contains(a.Reasons, r => r.Code == ReferralCodes.OverAllowance);
    }

    [Fact]
    public void Three_bottles_for_a_20_year_old_are_free()
    {
        var d = Declarations.Traveller(new DateOnly(2006, 11, 20), new DeclaredGoods { Alcohol = [new AlcoholLine(AlcoholKind.WhiskyBrandy, 3, 750)] });
        var a = Assess(d);
        Assert.Equal(LineOutcome.Free, Assert.Single(a.Lines).Outcome);
        Assert.Empty(a.Reasons);
    }

    [Fact]
    public void A_19_year_old_has_no_alcohol_allowance()
    {
        // DOMAIN.md §5 rule 3: born 2006-11-21, arriving 2026-11-20 = 19.
        var d = Declarations.Traveller(new DateOnly(2006, 11, 21), new DeclaredGoods { Alcohol = [new AlcoholLine(AlcoholKind.WineBeerOther, 1, 750)] });
        var a = Assess(d);
        Assert.Equal(19, a.AgeOnArrival);
        var line = Assert.Single(a.Lines);
        Assert.Equal(0m, line.FreeQuantity);
        // 0.75 ℓ × ¥200/ℓ (wine [S3]) = ¥150.
        Assert.Equal(Money.Yen(150m), line.Duty);
    }

    [Fact]
    public void A_19_year_old_has_no_tobacco_allowance()
    {
        // [S1] none under 20: 20 cigarettes × ¥15 [S3 newer] = ¥300.
        var d = Declarations.Traveller(new DateOnly(2006, 11, 21), new DeclaredGoods { Cigarettes = 20 });
        Assert.Equal(Money.Yen(300m), Assess(d).TotalDuty);
    }

    [Fact]
    public void The_201st_cigarette_is_taxed_at_15_yen()
    {
        // domain-japan.md §6 rule 4: 201 cigarettes ⇒ 1 taxed at ¥15 (newer rate table).
        var a = Assess(Declarations.Adult(new DeclaredGoods { Cigarettes = 201 }));
        var line = Assert.Single(a.Lines);
        Assert.Equal(200m, line.FreeQuantity);
        Assert.Equal(Money.Yen(15m), line.Duty);
    }

    [Fact]
    public void Mixed_tobacco_kinds_share_one_allowance()
    {
        // [S1] several kinds count towards one allowance (conversion unconfirmed; modelled as shares):
        // 100/200 cigarettes + 5/10 packs = one full allowance, so nothing is dutiable.
        var within = Assess(Declarations.Adult(new DeclaredGoods { Cigarettes = 100, HeatedTobacco = new HeatedTobacco(5, 20, HeatedTobaccoUnit.Stick) }));
        Assert.Equal(0m, within.TotalDuty.Amount);
        // One pack more: either 1 pack × 20 sticks × ¥15 or 20 cigarettes × ¥15 is over — ¥300 either way.
        var over = Assess(Declarations.Adult(new DeclaredGoods { Cigarettes = 100, HeatedTobacco = new HeatedTobacco(6, 20, HeatedTobaccoUnit.Stick) }));
        Assert.Equal(Money.Yen(300m), over.TotalDuty);
    }

    [Fact]
    public void Cigars_over_the_allowance_have_no_simplified_rate_and_go_to_an_officer()
    {
        // [S1] 50 cigars; [S3] lists no simplified rate for cigars in either table.
        var a = Assess(Declarations.Adult(new DeclaredGoods { Cigars = 51 }));
        Assert.Equal(LineOutcome.ReferredToOfficer, Assert.Single(a.Lines).Outcome);
        Assert.Contains(a.Reasons, r => r.Code == ReferralCodes.OfficerAssessment && r.Path == "$.goods.cigars");
    }

    [Theory]
    [InlineData(56, LineOutcome.Free)]
    [InlineData(57, LineOutcome.ReferredToOfficer)]
    public void Perfume_of_56_ml_is_free_and_57_ml_exceeds(int ml, LineOutcome expected)
    {
        // domain-japan.md §6 rule 5: 2 oz (~56 ml) free; 57 ml exceeds.
        Assert.Equal(expected, Assert.Single(Assess(Declarations.Adult(new DeclaredGoods { PerfumeMl = ml })).Lines).Outcome);
    }

    [Fact]
    public void Kinds_totalling_10_000_yen_or_less_are_left_out()
    {
        // DOMAIN.md §5 rule 4; [S1]: 3 T-shirts × ¥3,000 = ¥9,000 ≤ ¥10,000 is left out, so the ¥200,000 watch
        // alone fills the allowance exactly (¥200,000 is within "≤ ¥200,000") and nothing is dutiable.
        var a = Assess(Declarations.Adult(Other(Declarations.Yen("T-shirt", 3_000m, quantity: 3), Declarations.Yen("watch", 200_000m))));
        Assert.Equal(LineOutcome.LeftOutSmallKind, a.Lines[0].Outcome);
        Assert.Equal(LineOutcome.Free, a.Lines[1].Outcome);
        Assert.Equal(200_000m, a.OtherGoodsAllowanceUsedYen);
        Assert.Empty(a.Reasons);
    }

    [Fact]
    public void A_kind_of_10_001_yen_counts_towards_the_allowance()
    {
        // A ¥10,001 scarf is over ¥10,000, so with a ¥200,000 watch the total ¥210,001 exceeds ¥200,000. Freeing the watch
        // leaves the most tax: the scarf is dutiable: ¥10,001 × 0.6 = ¥6,000.6 customs value × 15 % = ¥900.09 → ¥900.
        var a = Assess(Declarations.Adult(Other(Declarations.Yen("scarf", 10_001m), Declarations.Yen("watch", 200_000m))));
        Assert.Equal(LineOutcome.Dutiable, a.Lines[0].Outcome);
        Assert.Equal(6_000.6m, a.Lines[0].CustomsValueYen);
        Assert.Equal(Money.Yen(900m), a.Lines[0].Duty);
        Assert.Equal(LineOutcome.Free, a.Lines[1].Outcome);
    }

    [Fact]
    public void Lines_of_one_kind_are_added_up_before_the_10_000_yen_test()
    {
        // [S1] counts per kind: two lines of kind "bags", ¥6,000 + ¥5,000 = ¥11,000 > ¥10,000, so they are not left out.
        var a = Assess(Declarations.Adult(Other(Declarations.Yen("tote", 6_000m, kind: "bags"), Declarations.Yen("pouch", 5_000m, kind: "bags"))));
        Assert.All(a.Lines, l => Assert.Equal(LineOutcome.Free, l.Outcome));
        Assert.Equal(11_000m, a.OtherGoodsAllowanceUsedYen);
    }

    [Fact]
    public void The_200_000_yen_subset_is_chosen_to_minimise_tax()
    {
        // DOMAIN.md §5 rule 4; [S1] "in the traveller's favour". Values ¥100,000, ¥95,000, ¥55,000, ¥50,000 (sum ¥300,000).
        // Best free subset: 95,000 + 55,000 + 50,000 = ¥200,000 exactly; the ¥100,000 bag is dutiable:
        // ¥100,000 × 0.6 = ¥60,000 × 15 % = ¥9,000. (Largest-first would free 100,000 + 95,000 = ¥195,000 and tax
        // ¥105,000 × 0.6 × 15 % = ¥9,450.) ¥100,000 is not "over ¥100,000", so simplified rates apply [S3].
        var a = Assess(Declarations.Adult(Other(
            Declarations.Yen("bag", 100_000m), Declarations.Yen("coat", 95_000m), Declarations.Yen("shoes", 55_000m), Declarations.Yen("lamp", 50_000m))));
        Assert.Equal([LineOutcome.Dutiable, LineOutcome.Free, LineOutcome.Free, LineOutcome.Free], a.Lines.Select(l => l.Outcome));
        Assert.Equal(Money.Yen(9_000m), a.TotalDuty);
        Assert.Equal(200_000m, a.OtherGoodsAllowanceUsedYen);
    }

    [Fact]
    public void Several_articles_on_one_line_are_split_between_free_and_dutiable()
    {
        // 5 jackets × ¥45,000 = ¥225,000: 4 fit (¥180,000), 1 is dutiable: ¥45,000 × 0.6 × 15 % = ¥4,050.
        var a = Assess(Declarations.Adult(Other(Declarations.Yen("jacket", 45_000m, quantity: 5))));
        var line = Assert.Single(a.Lines);
        Assert.Equal(4m, line.FreeQuantity);
        Assert.Equal(1m, line.DutiableQuantity);
        Assert.Equal(Money.Yen(4_050m), line.Duty);
    }

    [Fact]
    public void One_250_000_yen_bag_is_taxed_on_250_000_yen()
    {
        // DOMAIN.md §5 rule 4; [S1][S2]: an article over ¥200,000 gets no allowance and is taxed on its full value.
        // Being over ¥100,000 it is outside simplified rates [S3], so an officer assesses it; the ¥80,000 scarf stays free.
        var a = Assess(Declarations.Adult(Other(Declarations.Yen("bag", 250_000m), Declarations.Yen("scarf", 80_000m))));
        var bag = a.Lines[0];
        Assert.Equal(0m, bag.FreeQuantity);
        Assert.Equal(0m, bag.AllowanceUsedYen);
        Assert.Equal(250_000m, bag.DutiableValueYen);
        Assert.Equal(LineOutcome.ReferredToOfficer, bag.Outcome);
        Assert.Equal(LineOutcome.Free, a.Lines[1].Outcome);
        Assert.Equal(80_000m, a.OtherGoodsAllowanceUsedYen);
        Assert.Contains(a.Reasons, r => r.Code == ReferralCodes.OfficerAssessment && r.Path == "$.goods.otherGoods[0]");
    }

    [Fact]
    public void A_set_is_valued_as_one_article()
    {
        // A set of 2 earrings at ¥110,000 each is one set of ¥220,000 > ¥200,000: no allowance [S1] (as single pieces, both
        // ¥110,000 earrings could not both fit either, but one would).
        var set = new OtherGoodsLine { Description = "earrings", Quantity = 2, UnitRetailValue = Money.Yen(110_000m), IsSet = true };
        var line = Assert.Single(Assess(Declarations.Adult(Other(set))).Lines);
        Assert.Equal("set", line.Unit);
        Assert.Equal(220_000m, line.DutiableValueYen);
        Assert.Equal(0m, line.FreeQuantity);
    }

    [Fact]
    public void An_article_over_100_000_yen_that_is_dutiable_goes_to_an_officer()
    {
        // [S3] older text: article or set over ¥100,000 is excluded from simplified rates. ¥150,000 + ¥120,000 do not both fit;
        // freeing the watch leaves less tax, so the ¥120,000 camera is dutiable and referred.
        var a = Assess(Declarations.Adult(Other(Declarations.Yen("watch", 150_000m), Declarations.Yen("camera", 120_000m))));
        Assert.Equal(LineOutcome.Free, a.Lines[0].Outcome);
        Assert.Equal(LineOutcome.ReferredToOfficer, a.Lines[1].Outcome);
        Assert.Equal(0m, a.TotalDuty.Amount);
        Assert.Contains(a.Reasons, r => r.Code == ReferralCodes.OfficerAssessment && r.Path == "$.goods.otherGoods[1]");
    }

    [Fact]
    public void Excluded_goods_that_are_dutiable_go_to_an_officer()
    {
        // [S3] older text: rice is excluded from simplified rates. ¥190,000 TV + ¥20,000 rice = ¥210,000; the TV is freed (more tax).
        var rice = Declarations.Yen("rice", 20_000m) with { Exclusion = SimplifiedExclusion.Rice };
        var a = Assess(Declarations.Adult(Other(Declarations.Yen("TV", 190_000m), rice)));
        Assert.Equal(LineOutcome.ReferredToOfficer, a.Lines[1].Outcome);
        Assert.Contains("rice is excluded", a.Lines[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Excluded_goods_within_the_allowance_are_simply_free()
    {
        var rice = Declarations.Yen("rice", 20_000m) with { Exclusion = SimplifiedExclusion.Rice };
        Assert.Equal(LineOutcome.Free, Assert.Single(Assess(Declarations.Adult(Other(rice))).Lines).Outcome);
    }

    [Fact]
    public void Under_6_only_items_clearly_for_the_child_get_an_allowance()
    {
        // [S1] "only items clearly for the child". Born 2022-03-04, 4 on 2026-11-20.
        // Toy ¥30,000 for the child: free. Handbag ¥50,000 not for the child: ¥50,000 × 0.6 × 15 % = ¥4,500.
        // One 750 ml wine: no alcohol under 20: 0.75 × ¥200 = ¥150. Total ¥4,650.
        var toy = Declarations.Yen("toy", 30_000m) with { ForChild = true };
        var goods = new DeclaredGoods { Alcohol = [new AlcoholLine(AlcoholKind.WineBeerOther, 1, 750)], OtherGoods = [toy, Declarations.Yen("handbag", 50_000m)] };
        var a = Assess(Declarations.Traveller(new DateOnly(2022, 3, 4), goods));
        var byName = a.Lines.ToDictionary(l => l.Description, StringComparer.Ordinal);
        Assert.Equal(LineOutcome.Free, byName["toy"].Outcome);
        Assert.Equal(Money.Yen(4_500m), byName["handbag"].Duty);
        Assert.Equal(Money.Yen(4_650m), a.TotalDuty);
    }

    [Fact]
    public void Foreign_values_convert_at_the_weekly_rate_and_a_missing_rate_is_an_error()
    {
        // [S25] 4–10 Aug 2024: USD 1 = ¥155.45. USD 1,400 × 155.45 = ¥217,630 > ¥200,000: no allowance, over ¥100,000: officer.
        var rates = CustomsRateTable.FromCsv("currency,validFrom,validTo,yenPerUnit,source\nUSD,2024-08-04,2024-08-10,155.45,S25").Table!;
        var handbag = new OtherGoodsLine { Description = "handbag", Quantity = 1, UnitRetailValue = new Money(1_400m, CurrencyCode.Parse("USD")) };
        var d = Declarations.Adult(Other(handbag));
        var converted = ArrivalAssessor.Assess(d, ArrivalRuleBook.Japan, rates, new DateOnly(2024, 8, 7));
        Assert.Equal(217_630m, converted.Lines[0].DutiableValueYen);
        Assert.Equal(155.45m, converted.Lines[0].ExchangeRate!.YenPerUnit);

        // The same declaration a week later: no rate, so the line is not assessed and the result is incomplete.
        var missing = ArrivalAssessor.Assess(d, ArrivalRuleBook.Japan, rates, new DateOnly(2024, 8, 20));
        Assert.Equal(LineOutcome.NotAssessed, missing.Lines[0].Outcome);
        Assert.True(missing.Incomplete);
        Assert.Contains(missing.Reasons, r => r.Code == ReferralCodes.ExchangeRateMissing && r.Path == "$.goods.otherGoods[0]");
    }

    [Fact]
    public void The_older_simplified_table_can_be_selected_by_configuration()
    {
        // DOMAIN.md §1: both tables ship. Older [S3]: whisky ¥600/ℓ, cigarettes ¥11.5.
        // 4th bottle: 0.75 × ¥600 = ¥450; 201st cigarette: ¥11.5 → ¥11 (cut to whole yen). Total ¥461.
        var book = ArrivalRuleBook.Japan with { Options = new ArrivalRuleOptions(SimplifiedRateTableId: "customs-faq-7105-older") };
        var d = Declarations.Adult(new DeclaredGoods { Alcohol = [new AlcoholLine(AlcoholKind.WhiskyBrandy, 4, 750)], Cigarettes = 201 });
        Assert.Equal(Money.Yen(461m), Assess(d, book).TotalDuty);
    }

    [Fact]
    public void The_older_rule_doubles_tobacco_for_a_non_resident_only_when_configured()
    {
        // DOMAIN.md §1 "Tobacco for non-residents": kept as two dated rules. 300 cigarettes, non-resident.
        var d = Declarations.Adult(new DeclaredGoods { Cigarettes = 300 }) is var adult ? adult with { Header = adult.Header with { ResidentOfJapan = false } } : null!;
        // In force by date (no distinction since 2018): 100 over × ¥15 = ¥1,500.
        Assert.Equal(Money.Yen(1_500m), Assess(d).TotalDuty);
        // Configured doubling: 2 × 200 = 400 ≥ 300, nothing due.
        var doubled = ArrivalRuleBook.Japan with { Options = new ArrivalRuleOptions(TobaccoResidenceRuleId: "double-for-non-residents") };
        Assert.Equal(0m, Assess(d, doubled).TotalDuty.Amount);
    }

    [Fact]
    public void With_no_rule_in_force_the_assessment_is_an_internal_error()
    {
        // The embedded book holds no allowance before 2018-10-01: never guess one.
        var a = ArrivalAssessor.Assess(Declarations.Adult(), ArrivalRuleBook.Japan, CustomsRateTable.Empty, new DateOnly(2017, 1, 1));
        Assert.True(a.Incomplete);
        Assert.Contains(a.Reasons, r => r.Code == ReferralCodes.InternalError);
    }

    [Fact]
    public void Every_yes_answer_and_unaccompanied_baggage_is_a_reason()
    {
        var answers = new DeclarationAnswers
        {
            ProhibitedOrRestricted = true, GoldBullionOrProducts = true, OverDutyFreeAllowance = true, CommercialGoodsOrSamples = true,
            CarriedForSomeoneElse = true, PaymentMeansOverThreshold = true, UnaccompaniedBaggage = true,
        };
        var a = Assess(Declarations.Adult() with { Answers = answers, UnaccompaniedPackages = 2 });
        Assert.Equal(
            [
                ReferralCodes.DeclaredProhibitedOrRestricted, ReferralCodes.DeclaredGold, ReferralCodes.DeclaredOverAllowance, ReferralCodes.DeclaredCommercialGoods,
                ReferralCodes.DeclaredCarriedForSomeoneElse, ReferralCodes.DeclaredPaymentMeans, ReferralCodes.DeclaredUnaccompaniedBaggage, ReferralCodes.UnaccompaniedBaggage,
            ],
            a.Reasons.Select(r => r.Code));
        // [S7][S8]: cleared within 6 months of arrival: 2026-11-20 + 6 months = 2027-05-20.
        Assert.Contains("2027-05-20", a.Reasons[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_embedded_rule_book_cites_a_source_for_every_rule()
    {
        var book = ArrivalRuleBook.Japan;
        var all = book.Allowances.Cast<DatedRule>().Concat(book.TobaccoResidenceRules).Concat(book.SimplifiedRateTables).Concat(book.CustomsValueRules).ToList();
        Assert.Equal(7, all.Count);
        Assert.All(all, r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));
    }

    [Fact]
    public void A_rule_book_where_two_tables_are_in_force_on_one_day_is_refused()
    {
        const string json = """
            {"allowances":[],"tobaccoResidenceRules":[],"customsValueRules":[],
             "simplifiedRateTables":[
              {"id":"a","validFrom":"2020-01-01","source":"x","alcoholYenPerLitre":{"whiskyBrandy":1,"rumGinVodka":1,"liqueur":1,"otherSpirits":1,"wineBeerOther":1},"cigaretteYenEach":1,"otherGoodsRate":0.15,"articleOrSetLimitYen":100000},
              {"id":"b","validTo":"2020-01-01","source":"y","alcoholYenPerLitre":{"whiskyBrandy":1,"rumGinVodka":1,"liqueur":1,"otherSpirits":1,"wineBeerOther":1},"cigaretteYenEach":1,"otherGoodsRate":0.15,"articleOrSetLimitYen":100000}]}
            """;
        var ex = Assert.Throws<FormatException>(() => ArrivalRuleBook.FromJson(json));
        Assert.Contains("'a' and 'b'", ex.Message, StringComparison.Ordinal);
    }
}
