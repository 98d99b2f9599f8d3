using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Currency;

namespace PassengerGate.Documents.Tests.DutyNotices;

/// <summary>Assessments written by hand, each figure worked from the DOMAIN.md §1 rule it cites.</summary>
internal static class Assessments
{
    public static readonly DateOnly AsOf = new(2026, 11, 20);

    // 4 bottles of 750 ml whisky: 3 are free (allowance 3 bottles), 1 is dutiable; 0.75 ℓ × ¥800/ℓ (newer simplified table) = ¥600.
    public static AssessedLine Whisky { get; } = new()
    {
        Path = "$.goods.alcohol[0]",
        Category = GoodsCategory.Alcohol,
        Description = "ウイスキー Whisky 750 ml",
        Unit = "bottle",
        Quantity = 4,
        FreeQuantity = 3,
        DutiableQuantity = 1,
        RateApplied = "¥800/ℓ [simplified-newer]",
        Duty = Money.Yen(600),
        Outcome = LineOutcome.Dutiable,
        Reason = "3 bottles free, 1 dutiable",
    };

    // A ¥150,000 watch fits inside the ¥200,000 other-goods allowance.
    public static AssessedLine Watch { get; } = new()
    {
        Path = "$.goods.otherGoods[0]",
        Category = GoodsCategory.OtherGoods,
        Description = "腕時計 Watch",
        Unit = "article",
        Quantity = 1,
        FreeQuantity = 1,
        OverseasValueYen = 150_000,
        AllowanceUsedYen = 150_000,
        Duty = Money.Yen(0),
        Outcome = LineOutcome.Free,
        Reason = "within the allowance",
    };

    // A ¥90,000 jacket no longer fits (150,000 + 90,000 > 200,000): customs value 60 % = ¥54,000, × 15 % = ¥8,100.
    public static AssessedLine Jacket { get; } = new()
    {
        Path = "$.goods.otherGoods[1]",
        Category = GoodsCategory.OtherGoods,
        Description = "ジャケット Jacket",
        Unit = "article",
        Quantity = 1,
        DutiableQuantity = 1,
        OverseasValueYen = 90_000,
        DutiableValueYen = 90_000,
        CustomsValueYen = 54_000,
        RateApplied = "15 % of customs value",
        Duty = Money.Yen(8_100),
        Outcome = LineOutcome.Dutiable,
        Reason = "over the allowance",
    };

    public static ArrivalAssessment Of(params AssessedLine[] lines) => new()
    {
        AsOf = AsOf,
        AgeOnArrival = 46,
        Lines = lines,
        TotalDuty = Money.Yen(lines.Sum(l => l.Duty.Amount)),
        OtherGoodsAllowanceUsedYen = lines.Sum(l => l.AllowanceUsedYen),
        OverAllowance = lines.Any(l => l.DutiableQuantity > 0),
        Reasons = [],
        RulesApplied = ["allowances-2021-10 (customs FAQ 7104)", "simplified-newer (customs FAQ 7105)"],
    };
}
