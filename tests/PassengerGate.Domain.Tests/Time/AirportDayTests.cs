using PassengerGate.Domain.Time;

namespace PassengerGate.Domain.Tests.Time;

/// <summary>
/// Japan Standard Time is UTC+9 all year, with no daylight saving (Act on Japan Standard Time; IANA tz database
/// zone Asia/Tokyo), so 08:59 JST is 23:59 UTC of the day before and 09:00 JST is 00:00 UTC of the same day.
/// </summary>
public class AirportDayTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    [Fact]
    public void At_08_59_in_Japan_the_airport_day_is_already_today_while_the_UTC_date_is_still_yesterday()
    {
        var instant = new DateTimeOffset(2026, 12, 1, 8, 59, 0, TimeSpan.FromHours(9));

        Assert.Equal(new DateOnly(2026, 12, 1), AirportDay.Of(instant, Tokyo));
        Assert.Equal(new DateOnly(2026, 11, 30), DateOnly.FromDateTime(instant.UtcDateTime));
    }

    [Fact]
    public void At_09_00_in_Japan_the_airport_day_and_the_UTC_date_agree()
    {
        var instant = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(9));

        Assert.Equal(new DateOnly(2026, 12, 1), AirportDay.Of(instant, Tokyo));
        Assert.Equal(new DateOnly(2026, 12, 1), DateOnly.FromDateTime(instant.UtcDateTime));
    }

    [Fact]
    public void At_23_59_in_Japan_the_airport_day_is_still_that_day()
    {
        var instant = new DateTimeOffset(2026, 11, 30, 23, 59, 0, TimeSpan.FromHours(9));

        Assert.Equal(new DateOnly(2026, 11, 30), AirportDay.Of(instant, Tokyo));
    }
}
