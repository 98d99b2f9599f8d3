namespace PassengerGate.Domain.TaxFree;

/// <summary>A traveller's records at a departure check, each with its status, and the lane the rules give.</summary>
public sealed record TaxFreeDepartureResult(IReadOnlyList<RecordCheck> Records, TaxFreeLaneDecision Lane);

/// <summary>
/// The departure check for one traveller: every record still open is checked at <c>checkedAt</c> (the floor counted
/// across the traveller's records of the same shop and day), and the lane decided on the confirmable ones.
/// </summary>
public static class TaxFreeDeparture
{
    public static TaxFreeDepartureResult Check(
        IReadOnlyList<PurchaseRecord> records,
        DateTimeOffset checkedAt,
        TimeZoneInfo japan,
        TaxFreeLaneRules rules,
        double randomDraw,
        int earlierIrregularities)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(rules);
        var checks = records.Select(r => TaxFreeRules.Check(r, records, checkedAt, japan)).ToList();
        return new TaxFreeDepartureResult(checks, rules.Decide(checks, randomDraw, earlierIrregularities));
    }

    /// <summary>The subject of the traveller's random draw: one draw per passport per Japan day, whichever kiosk.</summary>
    public static string DrawSubject(string passportNumber, string nationality, DateOnly day) =>
        string.Join('|', "taxfree", passportNumber, nationality, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}
