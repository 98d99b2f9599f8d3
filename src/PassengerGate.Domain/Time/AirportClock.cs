namespace PassengerGate.Domain.Time;

/// <summary>
/// "Today" at the airport, from the injected clock and the airport's time zone (configuration
/// <c>Airport:TimeZone</c>, an IANA id, default <see cref="DefaultTimeZone"/>). The one type the service, `pgate` and
/// the kiosk use to turn an instant into a day: docs/decisions/0008-airport-day-risk-at-document-and-retention.md and
/// 0017-declarations-validated-and-qr-valid-for-the-arrival-day.md.
/// </summary>
public sealed class AirportClock
{
    public const string DefaultTimeZone = "Asia/Tokyo";

    /// <summary>The configuration key holding the IANA zone id, shared by the service, `pgate` and the kiosk.</summary>
    public const string TimeZoneSetting = "Airport:TimeZone";

    private readonly TimeProvider clock;

    public AirportClock(TimeProvider clock, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(zone);
        this.clock = clock;
        Zone = zone;
    }

    /// <summary>A clock in the zone named by an IANA id; null or blank means <see cref="DefaultTimeZone"/>.</summary>
    public AirportClock(TimeProvider clock, string? zoneId)
        : this(clock, ZoneOf(zoneId))
    {
    }

    public TimeZoneInfo Zone { get; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => DateOf(clock.GetUtcNow());

    public DateOnly DateOf(DateTimeOffset instant) => AirportDay.Of(instant, Zone);

    /// <summary>The first instant of the day after <paramref name="day"/> at the airport: everything before it is still that day.</summary>
    public DateTimeOffset EndOf(DateOnly day) => AirportDay.StartOf(day.AddDays(1), Zone);

    public static TimeZoneInfo ZoneOf(string? zoneId) =>
        TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(zoneId) ? DefaultTimeZone : zoneId);
}
