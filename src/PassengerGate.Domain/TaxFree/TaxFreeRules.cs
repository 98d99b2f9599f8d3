using PassengerGate.Domain.Time;

namespace PassengerGate.Domain.TaxFree;

/// <summary>
/// The dated rules of Japan's tax-free system that customs applies, each stated in Japan time (the airport's zone,
/// never the machine's). Sources and wording: docs/taxfree-rules.md.
/// </summary>
public static class TaxFreeRules
{
    /// <summary>First sale day of the refund system (リファンド方式); no transition period (docs/taxfree-rules.md §1).</summary>
    public static readonly DateOnly RefundRegimeStarts = new(2026, 11, 1);

    /// <summary>Floor per shop per day, yen excluding tax (docs/taxfree-rules.md §2).</summary>
    public const long FloorPerShopPerDay = 5_000;

    /// <summary>Unit price from which identifying details (brand, model number) are required (docs/taxfree-rules.md §2).</summary>
    public const long IdentifyingDetailsFrom = 1_000_000;

    /// <summary>Days, counted from the day after purchase, within which export must be confirmed (docs/taxfree-rules.md §3).</summary>
    public const int ConfirmationDays = 90;

    public static DateOnly PurchaseDay(DateTimeOffset purchasedAt, TimeZoneInfo japan) => AirportDay.Of(purchasedAt, japan);

    public static TaxFreeRegime RegimeOf(DateTimeOffset purchasedAt, TimeZoneInfo japan) =>
        PurchaseDay(purchasedAt, japan) >= RefundRegimeStarts ? TaxFreeRegime.Refund : TaxFreeRegime.Exemption;

    /// <summary>
    /// The last day export can be confirmed: day 1 is the day after purchase, so day 90 is the purchase day plus 90
    /// (bought 1 Nov ⇒ last day 30 Jan).
    /// </summary>
    public static DateOnly LastConfirmableDay(DateOnly purchaseDay) => purchaseDay.AddDays(ConfirmationDays);

    /// <summary>
    /// What a record is worth as submitted, before any departure: the floor is counted over every record of the same
    /// shop for the same passport on the same Japan day (<paramref name="sameShopSameDay"/> may include
    /// <paramref name="record"/> itself; it is counted once).
    /// </summary>
    public static IReadOnlyList<TaxFreeReason> Eligibility(PurchaseRecord record, IEnumerable<PurchaseRecord> sameShopSameDay, TimeZoneInfo japan)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(sameShopSameDay);
        var reasons = new List<TaxFreeReason>();
        if (record.Items.Any(i => i.IsExcludedGoods))
        {
            reasons.Add(TaxFreeReason.ExcludedGoods);
        }

        var day = PurchaseDay(record.PurchasedAt, japan);
        var dayTotal = record.Total + sameShopSameDay
            .Where(r => r.RecordId != record.RecordId && r.ShopId == record.ShopId
                && SamePassport(r, record) && PurchaseDay(r.PurchasedAt, japan) == day)
            .Sum(r => r.Total);
        if (dayTotal < FloorPerShopPerDay)
        {
            reasons.Add(TaxFreeReason.BelowFloor);
        }

        if (RegimeOf(record.PurchasedAt, japan) == TaxFreeRegime.Refund
            && record.Items.Any(i => i.UnitPrice >= IdentifyingDetailsFrom && !i.HasIdentifyingDetails))
        {
            reasons.Add(TaxFreeReason.IdentifyingDetailsMissing);
        }

        return reasons;
    }

    /// <summary>
    /// A record's status at a departure check made at <paramref name="checkedAt"/>: excluded by the eligibility rules,
    /// not confirmable (window over, or dated after the check), or confirmable.
    /// </summary>
    public static RecordCheck Check(PurchaseRecord record, IEnumerable<PurchaseRecord> sameShopSameDay, DateTimeOffset checkedAt, TimeZoneInfo japan)
    {
        ArgumentNullException.ThrowIfNull(record);
        var reasons = new List<TaxFreeReason>(Eligibility(record, sameShopSameDay, japan));
        var regime = RegimeOf(record.PurchasedAt, japan);
        var purchaseDay = PurchaseDay(record.PurchasedAt, japan);
        var checkDay = AirportDay.Of(checkedAt, japan);
        DateOnly? lastDay = regime == TaxFreeRegime.Refund ? LastConfirmableDay(purchaseDay) : null;
        if (checkedAt < record.PurchasedAt)
        {
            reasons.Add(TaxFreeReason.PurchasedAfterCheck);
        }
        else if (lastDay is { } last && checkDay > last)
        {
            reasons.Add(TaxFreeReason.ConfirmationWindowOver);
        }

        var status = reasons.Any(IsEligibilityReason) ? RecordStatus.Excluded
            : reasons.Count > 0 ? RecordStatus.Expired
            : RecordStatus.Confirmable;
        return new RecordCheck(record, regime, purchaseDay, lastDay, status, reasons);
    }

    /// <summary>
    /// The red-lane inspection of one record: in the refund regime one missing item refuses the whole record
    /// (DOMAIN.md §5 rule 6); in the exemption regime the record stands for the goods shown and the consumption tax on
    /// each missing item is assessed (賦課決定).
    /// </summary>
    public static InspectionOutcome Inspect(PurchaseRecord record, IReadOnlySet<int> missingItemIndexes, TimeZoneInfo japan)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(missingItemIndexes);
        foreach (var index in missingItemIndexes)
        {
            if (index < 0 || index >= record.Items.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(missingItemIndexes), index, "no such item on the record");
            }
        }

        var regime = RegimeOf(record.PurchasedAt, japan);
        if (missingItemIndexes.Count == 0)
        {
            return new InspectionOutcome(regime, Confirmed: true, Refused: false, []);
        }

        if (regime == TaxFreeRegime.Refund)
        {
            return new InspectionOutcome(regime, Confirmed: false, Refused: true, []);
        }

        var assessed = missingItemIndexes.Order()
            .Select(i => new ItemTaxAssessment(i, record.Items[i].Description, record.Items[i].LineTotal, RatePercent(record.Items[i].Category),
                ConsumptionTax.On(record.Items[i].LineTotal, RatePercent(record.Items[i].Category))))
            .ToList();
        return new InspectionOutcome(regime, Confirmed: false, Refused: false, assessed);
    }

    /// <summary>Standard rate 10 %, reduced rate 8 % for food and drink (消費税法 art. 29; docs/taxfree-rules.md §4).</summary>
    public static int RatePercent(TaxFreeGoodsCategory category) => category == TaxFreeGoodsCategory.ReducedRate ? 8 : 10;

    private static bool IsEligibilityReason(TaxFreeReason reason) =>
        reason is TaxFreeReason.BelowFloor or TaxFreeReason.ExcludedGoods or TaxFreeReason.IdentifyingDetailsMissing;

    private static bool SamePassport(PurchaseRecord a, PurchaseRecord b) =>
        string.Equals(a.PassportNumber, b.PassportNumber, StringComparison.Ordinal)
        && string.Equals(a.Nationality, b.Nationality, StringComparison.Ordinal);
}
