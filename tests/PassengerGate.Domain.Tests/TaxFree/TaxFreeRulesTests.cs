using PassengerGate.Domain.TaxFree;
using PassengerGate.Domain.Time;

namespace PassengerGate.Domain.Tests.TaxFree;

/// <summary>
/// Japan's tax-free rules as customs applies them. Expected values come from DOMAIN.md §3/§5 and the sources in
/// docs/taxfree-rules.md (MLIT/JTA refund-system pages: bought 1 Nov ⇒ last day 30 Jan; one item missing ⇒ whole
/// record not refunded; ¥5,000 floor; bullion and gold/platinum coins excluded; ¥1,000,000 ⇒ identifying details).
/// Japan Standard Time is UTC+9 without daylight saving.
/// </summary>
public class TaxFreeRulesTests
{
    private static readonly TimeZoneInfo Japan = AirportClock.ZoneOf("Asia/Tokyo");
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    private static PurchaseRecord Record(DateTimeOffset purchasedAt, params PurchaseItem[] items) =>
        new("R1", "shop-a", "TR1234567", "USA", purchasedAt, items);

    private static PurchaseItem Bag(long price = 60_000) => new("Handbag", 1, price, price / 10, "Brand", "M-1");

    [Fact]
    public void Domain_rule_5_a_purchase_on_1_November_2026_is_confirmable_until_30_January_2027_in_Japan_time()
    {
        var record = Record(new DateTimeOffset(2026, 11, 1, 14, 0, 0, Jst), Bag());

        var lastMoment = new DateTimeOffset(2027, 1, 30, 23, 59, 59, Jst);
        var check = TaxFreeRules.Check(record, [], lastMoment, Japan);

        Assert.Equal(RecordStatus.Confirmable, check.Status);
        Assert.Equal(new DateOnly(2027, 1, 30), check.LastConfirmableDay);
    }

    [Fact]
    public void Domain_rule_5_a_purchase_on_1_November_2026_is_not_confirmable_on_31_January_2027_in_Japan_time()
    {
        var record = Record(new DateTimeOffset(2026, 11, 1, 14, 0, 0, Jst), Bag());

        // 2027-01-30 15:00 UTC is already 31 Jan 00:00 in Japan, although the UTC date is still the 30th.
        var check = TaxFreeRules.Check(record, [], new DateTimeOffset(2027, 1, 30, 15, 0, 0, TimeSpan.Zero), Japan);

        Assert.Equal(RecordStatus.Expired, check.Status);
        Assert.Equal([TaxFreeReason.ConfirmationWindowOver], check.Reasons);
    }

    [Fact]
    public void Domain_rule_5_the_day_of_purchase_is_the_Japanese_day_even_when_the_UTC_date_is_the_day_before()
    {
        // 2026-10-31 16:00 UTC is 1 Nov 01:00 in Japan: bought 1 Nov, so last day 30 Jan.
        var record = Record(new DateTimeOffset(2026, 10, 31, 16, 0, 0, TimeSpan.Zero), Bag());

        var check = TaxFreeRules.Check(record, [], new DateTimeOffset(2027, 1, 30, 12, 0, 0, Jst), Japan);

        Assert.Equal(TaxFreeRegime.Refund, check.Regime);
        Assert.Equal(new DateOnly(2026, 11, 1), check.PurchaseDay);
        Assert.Equal(RecordStatus.Confirmable, check.Status);
    }

    [Fact]
    public void Regime_switch_a_purchase_at_23_59_JST_on_31_October_2026_is_under_the_exemption_regime()
    {
        Assert.Equal(TaxFreeRegime.Exemption, TaxFreeRules.RegimeOf(new DateTimeOffset(2026, 10, 31, 23, 59, 0, Jst), Japan));
    }

    [Fact]
    public void Regime_switch_a_purchase_at_00_00_JST_on_1_November_2026_is_under_the_refund_regime()
    {
        Assert.Equal(TaxFreeRegime.Refund, TaxFreeRules.RegimeOf(new DateTimeOffset(2026, 11, 1, 0, 0, 0, Jst), Japan));
    }

    [Fact]
    public void Regime_switch_the_UTC_date_does_not_decide_the_regime()
    {
        // 15:30 UTC on 31 Oct is 00:30 on 1 Nov in Japan.
        Assert.Equal(TaxFreeRegime.Refund, TaxFreeRules.RegimeOf(new DateTimeOffset(2026, 10, 31, 15, 30, 0, TimeSpan.Zero), Japan));
    }

    [Fact]
    public void Domain_rule_6_one_item_missing_refuses_the_whole_record_under_the_refund_regime()
    {
        var record = Record(new DateTimeOffset(2026, 11, 2, 10, 0, 0, Jst), Bag(), new PurchaseItem("Scarf", 1, 20_000, 2_000), Bag(70_000));

        var outcome = TaxFreeRules.Inspect(record, new HashSet<int> { 1 }, Japan);

        Assert.True(outcome.Refused);
        Assert.False(outcome.Confirmed);
        Assert.Empty(outcome.Assessments);
    }

    [Fact]
    public void Domain_rule_6_every_item_shown_confirms_the_record()
    {
        var record = Record(new DateTimeOffset(2026, 11, 2, 10, 0, 0, Jst), Bag(), new PurchaseItem("Scarf", 1, 20_000, 2_000));

        var outcome = TaxFreeRules.Inspect(record, new HashSet<int>(), Japan);

        Assert.True(outcome.Confirmed);
        Assert.False(outcome.Refused);
    }

    [Fact]
    public void Regime_switch_goods_bought_tax_free_before_November_2026_and_not_carried_out_are_assessed_per_item()
    {
        // Exemption regime: customs collects the consumption tax on what is not carried out (賦課決定), 10 % standard,
        // 8 % reduced for food: ¥60,000 × 10 % = ¥6,000; 3 × ¥2,500 = ¥7,500 × 8 % = ¥600.
        var record = Record(new DateTimeOffset(2026, 10, 20, 10, 0, 0, Jst),
            Bag(),
            new PurchaseItem("Scarf", 1, 20_000, 2_000),
            new PurchaseItem("Tea", 3, 2_500, 600, Category: TaxFreeGoodsCategory.ReducedRate));

        var outcome = TaxFreeRules.Inspect(record, new HashSet<int> { 0, 2 }, Japan);

        Assert.Equal(TaxFreeRegime.Exemption, outcome.Regime);
        Assert.False(outcome.Refused);
        Assert.Equal([6_000L, 600L], outcome.Assessments.Select(a => a.Tax));
        Assert.Equal(6_600, outcome.TaxAssessed);
    }

    [Fact]
    public void Regime_switch_the_same_missing_item_bought_on_1_November_is_a_refund_refusal_not_an_assessment()
    {
        var record = Record(new DateTimeOffset(2026, 11, 1, 10, 0, 0, Jst), Bag());

        var outcome = TaxFreeRules.Inspect(record, new HashSet<int> { 0 }, Japan);

        Assert.True(outcome.Refused);
        Assert.Equal(0, outcome.TaxAssessed);
    }

    [Fact]
    public void Floor_4_999_yen_at_one_shop_on_one_day_is_below_the_5_000_yen_floor()
    {
        var record = Record(new DateTimeOffset(2026, 11, 5, 10, 0, 0, Jst), new PurchaseItem("Pen", 1, 4_999, 499));

        Assert.Equal([TaxFreeReason.BelowFloor], TaxFreeRules.Eligibility(record, [], Japan));
    }

    [Fact]
    public void Floor_5_000_yen_exactly_reaches_the_floor()
    {
        var record = Record(new DateTimeOffset(2026, 11, 5, 10, 0, 0, Jst), new PurchaseItem("Pen", 2, 2_500, 500));

        Assert.Empty(TaxFreeRules.Eligibility(record, [], Japan));
    }

    [Fact]
    public void Floor_is_counted_per_shop_per_Japanese_day_across_records()
    {
        var morning = Record(new DateTimeOffset(2026, 11, 5, 10, 0, 0, Jst), new PurchaseItem("Pen", 1, 3_000, 300));
        var evening = morning with { RecordId = "R2", PurchasedAt = new DateTimeOffset(2026, 11, 5, 20, 0, 0, Jst) };
        var nextDay = morning with { RecordId = "R3", PurchasedAt = new DateTimeOffset(2026, 11, 6, 10, 0, 0, Jst) };
        var otherShop = morning with { RecordId = "R4", ShopId = "shop-b" };

        Assert.Empty(TaxFreeRules.Eligibility(morning, [evening], Japan));
        Assert.Equal([TaxFreeReason.BelowFloor], TaxFreeRules.Eligibility(morning, [nextDay, otherShop], Japan));
    }

    [Theory]
    [InlineData(TaxFreeGoodsCategory.Bullion)]
    [InlineData(TaxFreeGoodsCategory.GoldCoin)]
    [InlineData(TaxFreeGoodsCategory.PlatinumCoin)]
    public void Bullion_and_gold_or_platinum_coins_are_excluded(TaxFreeGoodsCategory category)
    {
        var record = Record(new DateTimeOffset(2026, 11, 5, 10, 0, 0, Jst), new PurchaseItem("Metal", 1, 300_000, 30_000, Category: category));

        var check = TaxFreeRules.Check(record, [], new DateTimeOffset(2026, 11, 6, 10, 0, 0, Jst), Japan);

        Assert.Equal(RecordStatus.Excluded, check.Status);
        Assert.Contains(TaxFreeReason.ExcludedGoods, check.Reasons);
    }

    [Fact]
    public void A_unit_price_of_1_000_000_yen_without_brand_and_model_is_not_eligible_under_the_refund_regime()
    {
        var record = Record(new DateTimeOffset(2026, 11, 5, 10, 0, 0, Jst), new PurchaseItem("Watch", 1, 1_000_000, 100_000, Brand: "B"));

        Assert.Equal([TaxFreeReason.IdentifyingDetailsMissing], TaxFreeRules.Eligibility(record, [], Japan));
    }

    [Fact]
    public void A_unit_price_of_999_999_yen_needs_no_identifying_details()
    {
        var record = Record(new DateTimeOffset(2026, 11, 5, 10, 0, 0, Jst), new PurchaseItem("Watch", 1, 999_999, 99_999));

        Assert.Empty(TaxFreeRules.Eligibility(record, [], Japan));
    }

    [Fact]
    public void A_unit_price_of_1_000_000_yen_with_brand_and_model_is_eligible()
    {
        var record = Record(new DateTimeOffset(2026, 11, 5, 10, 0, 0, Jst), new PurchaseItem("Watch", 1, 1_000_000, 100_000, "B", "W-100", "SN1"));

        Assert.Empty(TaxFreeRules.Eligibility(record, [], Japan));
    }
}
