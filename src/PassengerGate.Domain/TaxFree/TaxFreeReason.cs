namespace PassengerGate.Domain.TaxFree;

/// <summary>
/// Why a record is not confirmable. These are safe to show the traveller and the shop: they name the rule, never a
/// risk hit (docs/decisions/0007-traveller-safe-reasons.md). Why a traveller is sent to the red lane is kept apart in
/// <see cref="TaxFreeLaneReason"/>, which only staff see.
/// </summary>
public enum TaxFreeReason
{
    /// <summary>Less than ¥5,000 excluding tax bought at this shop on this day in Japan time.</summary>
    BelowFloor,

    /// <summary>The record holds bullion or gold or platinum coins, which are never tax-free.</summary>
    ExcludedGoods,

    /// <summary>An item of ¥1,000,000 or more per unit lacks its brand or model number (refund regime).</summary>
    IdentifyingDetailsMissing,

    /// <summary>The 90 days counted from the day after purchase are over (refund regime).</summary>
    ConfirmationWindowOver,

    /// <summary>The purchase is dated after the check.</summary>
    PurchasedAfterCheck,

    /// <summary>An item was not shown at the red-lane inspection: the whole record is refused (refund regime).</summary>
    ItemMissing,
}
