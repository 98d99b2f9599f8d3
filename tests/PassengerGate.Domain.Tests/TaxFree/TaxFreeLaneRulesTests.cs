using PassengerGate.Domain.TaxFree;
using PassengerGate.Domain.Time;

namespace PassengerGate.Domain.Tests.TaxFree;

/// <summary>The departure lane rules as data (docs/taxfree-rules.md §5).</summary>
public class TaxFreeLaneRulesTests
{
    private static readonly TimeZoneInfo Japan = AirportClock.ZoneOf("Asia/Tokyo");
    private static readonly DateTimeOffset Bought = new(2026, 11, 5, 10, 0, 0, TimeSpan.FromHours(9));
    private static readonly DateTimeOffset CheckedAt = new(2026, 11, 10, 10, 0, 0, TimeSpan.FromHours(9));

    private static RecordCheck Check(string id, params PurchaseItem[] items) =>
        TaxFreeRules.Check(new PurchaseRecord(id, "shop-a", "TR1", "USA", Bought, items), [], CheckedAt, Japan);

    private static readonly TaxFreeLaneRules Rules = new() { RandomRate = 0.1 };

    [Fact]
    public void Ordinary_goods_and_no_draw_go_green()
    {
        var decision = Rules.Decide([Check("R1", new PurchaseItem("Bag", 1, 60_000, 6_000))], randomDraw: 0.5, earlierIrregularities: 0);

        Assert.Equal(TaxFreeLane.Green, decision.Lane);
        Assert.Empty(decision.Reasons);
    }

    [Fact]
    public void A_draw_below_the_rate_goes_red()
    {
        var decision = Rules.Decide([Check("R1", new PurchaseItem("Bag", 1, 60_000, 6_000))], randomDraw: 0.09, earlierIrregularities: 0);

        Assert.Equal(TaxFreeLane.Red, decision.Lane);
        Assert.Equal([TaxFreeLaneReason.RandomSelection], decision.Reasons);
    }

    [Fact]
    public void A_unit_price_of_1_000_000_yen_goes_red_so_the_inspector_can_compare_brand_and_model()
    {
        var decision = Rules.Decide([Check("R1", new PurchaseItem("Watch", 1, 1_000_000, 100_000, "B", "M"))], 0.5, 0);

        Assert.Equal(TaxFreeLane.Red, decision.Lane);
        Assert.Contains(TaxFreeLaneReason.IdentifyingDetailsItem, decision.Reasons);
    }

    [Fact]
    public void Twenty_records_in_a_stay_go_red_nineteen_do_not()
    {
        var nineteen = Enumerable.Range(0, 19).Select(i => Check($"R{i}", new PurchaseItem("Bag", 1, 10_000, 1_000))).ToList();
        var twenty = nineteen.Append(Check("R19", new PurchaseItem("Bag", 1, 10_000, 1_000))).ToList();

        Assert.Equal(TaxFreeLane.Green, Rules.Decide(nineteen, 0.5, 0).Lane);
        Assert.Equal([TaxFreeLaneReason.ManyRecordsPerStay], Rules.Decide(twenty, 0.5, 0).Reasons);
    }

    [Fact]
    public void An_earlier_irregularity_on_the_passport_goes_red()
    {
        var decision = Rules.Decide([Check("R1", new PurchaseItem("Bag", 1, 60_000, 6_000))], 0.5, earlierIrregularities: 1);

        Assert.Equal([TaxFreeLaneReason.EarlierIrregularity], decision.Reasons);
    }

    [Fact]
    public void Rules_are_read_from_json_and_unknown_fields_are_refused()
    {
        var rules = TaxFreeLaneRules.Read("""{"randomRate":0.2,"highTotalFrom":50000000}""");

        Assert.Equal(0.2, rules.RandomRate);
        Assert.Equal(50_000_000, rules.HighTotalFrom);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => TaxFreeLaneRules.Read("""{"randomRat":0.2}"""));
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => TaxFreeLaneRules.Read("""{"randomRate":1.5}"""));
    }
}
