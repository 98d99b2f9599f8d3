using PassengerGate.Domain.Time;

namespace PassengerGate.Server.Features.Airport;

/// <summary>
/// "Today" at the airport, from the injected clock and the airport's time zone (configuration
/// <c>Airport:TimeZone</c>, an IANA id, default <see cref="DefaultTimeZone"/>). The one place the service turns an
/// instant into a day: see docs/decisions/0008-airport-day-and-retention.md.
/// </summary>
public sealed class AirportClock
{
    public const string DefaultTimeZone = "Asia/Tokyo";

    private readonly TimeProvider clock;

    public AirportClock(TimeProvider clock, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        this.clock = clock;
        var id = configuration["Airport:TimeZone"];
        Zone = TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(id) ? DefaultTimeZone : id);
    }

    public TimeZoneInfo Zone { get; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => DateOf(clock.GetUtcNow());

    public DateOnly DateOf(DateTimeOffset instant) => AirportDay.Of(instant, Zone);
}
