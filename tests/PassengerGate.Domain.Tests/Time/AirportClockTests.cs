using Microsoft.Extensions.Time.Testing;
using PassengerGate.Domain.Time;

namespace PassengerGate.Domain.Tests.Time;

/// <summary>
/// "Today" at the airport: Japan Standard Time is UTC+9 with no daylight saving (IANA zone Asia/Tokyo), so from
/// 00:00 to 09:00 JST the UTC date is still yesterday.
/// </summary>
public class AirportClockTests
{
    private static AirportClock Clock(TimeProvider time, string? zone = null) =>
        new(time, zone);

    [Fact]
    public void At_08_59_JST_today_is_the_Japanese_day_not_the_UTC_one()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 23, 59, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 12, 1), Clock(time).Today);
    }

    [Fact]
    public void At_09_00_JST_today_is_the_same_Japanese_day()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 12, 1), Clock(time).Today);
    }

    [Fact]
    public void Just_before_midnight_JST_today_is_still_the_day_before()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 14, 59, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 30), Clock(time).Today);
    }

    [Fact]
    public void Another_airport_s_time_zone_can_be_configured()
    {
        // 23:59 UTC on 30 November is 18:59 in New York (EST, UTC-5 in winter).
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 23, 59, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 30), Clock(time, "America/New_York").Today);
        Assert.Equal("Asia/Tokyo", Clock(time).Zone.Id);
    }

    [Fact]
    public void The_end_of_a_Japanese_day_is_15_00_UTC_so_23_59_59_JST_is_still_that_day()
    {
        // JST = UTC+9 (Asia/Tokyo): 2026-12-01 24:00 JST = 2026-12-01 15:00 UTC.
        var clock = Clock(new FakeTimeProvider());

        var end = clock.EndOf(new DateOnly(2026, 12, 1));

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero), end);
        Assert.Equal(new DateOnly(2026, 12, 1), clock.DateOf(end.AddSeconds(-1)));
        Assert.Equal(new DateOnly(2026, 12, 2), clock.DateOf(end));
    }
}
