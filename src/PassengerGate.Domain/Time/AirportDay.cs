namespace PassengerGate.Domain.Time;

/// <summary>
/// The calendar day at the airport for an instant. Every day-based customs rule (age on arrival, the weekly
/// rate, rule versions, watchlist validity, selection seeds, retention counted in days) is stated in the
/// airport's local calendar, not in UTC: Japan is UTC+9, so between 00:00 and 09:00 JST the UTC date is still
/// yesterday (docs/decisions/0008-airport-day-and-retention.md).
/// </summary>
public static class AirportDay
{
    public static DateOnly Of(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }

    /// <summary>
    /// The instant local midnight begins <paramref name="day"/> in <paramref name="zone"/>. Where a daylight-saving
    /// change skips midnight (a few zones move their clocks at 00:00), the day begins at the first local time that
    /// exists after it.
    /// </summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
