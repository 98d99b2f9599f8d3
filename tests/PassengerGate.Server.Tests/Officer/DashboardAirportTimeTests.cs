using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Officer;
using PassengerGate.Domain.Staff;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Officer;

/// <summary>
/// The dashboard's hours and "today" are the airport's, not UTC's. At 16:30 UTC on day D it is already
/// 01:30 on D+1 at Narita: Japan Standard Time is UTC+9 all year (no daylight saving since 1951; the
/// Standard Time Act of 1886 fixes the 135°E meridian). A session decided at 14:50 UTC is yesterday's
/// 23:50 there; one at 15:10 UTC is today's 00:10. D is tomorrow (UTC): the officer hub closes a connection whose
/// sign-in has expired by the real clock, so the service's clock is moved forward, never back.
/// </summary>
public sealed class DashboardAirportTimeTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);
    private static readonly DateTimeOffset DayD = new(TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
    private readonly ShiftedClock _clock = new(DayD.AddHours(16.5));
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(db.ConnectionString, clock: _clock);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Hours_and_today_are_counted_in_airport_time_when_the_utc_date_differs()
    {
        await _server.RegisterKioskAsync("NRT-H1");
        await InsertDecidedAsync("green", DayD.AddHours(15).AddMinutes(10));
        await InsertDecidedAsync("green", DayD.AddHours(15).AddMinutes(59));
        await InsertDecidedAsync("red", DayD.AddHours(14).AddMinutes(50));
        var supervisor = await _server.SignInAsync("super-h", await _server.EnsureStaffAsync("super-h", StaffRole.Supervisor, "NRT"));
        await using var connection = _server.OfficerConnection(supervisor);
        await connection.StartAsync();

        var snapshot = await connection.InvokeAsync<DashboardSnapshot>(nameof(IOfficerHub.GetDashboard));

        // Today at Narita began at 15:00 UTC: the two green sessions are today's, the red one is yesterday's.
        Assert.Equal(2, snapshot.GreenToday);
        Assert.Equal(0, snapshot.RedToday);
        Assert.Equal(12, snapshot.PerHour.Count);
        Assert.All(snapshot.PerHour, h => Assert.Equal(Jst, h.Hour.Offset));
        var nextDay = DateTime.SpecifyKind(DayD.UtcDateTime.Date.AddDays(1), DateTimeKind.Unspecified);
        Assert.Equal(new DateTimeOffset(nextDay.AddHours(1), Jst), snapshot.PerHour[^1].Hour);
        var firstHourOfDay = Assert.Single(snapshot.PerHour, h => h.Hour == new DateTimeOffset(nextDay, Jst));
        Assert.Equal((2, 0), (firstHourOfDay.Green, firstHourOfDay.Red));
        Assert.Equal(nextDay, firstHourOfDay.Hour.DateTime);
        Assert.Equal(TimeSpan.Zero, firstHourOfDay.Hour.TimeOfDay);
        var lastHourOfYesterday = Assert.Single(snapshot.PerHour, h => h.Hour == new DateTimeOffset(nextDay.AddHours(-1), Jst));
        Assert.Equal((0, 1), (lastHourOfYesterday.Green, lastHourOfYesterday.Red));
    }

    private Task<object?> InsertDecidedAsync(string lane, DateTimeOffset at) => InsertDecidedAsync(lane, at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));

    private Task<object?> InsertDecidedAsync(string lane, string decidedAt) =>
        db.ScalarAsync<object>($"""
            INSERT INTO arrival_sessions (session_id, kiosk_id, state, lane, opened_at, updated_at)
            VALUES ('{Guid.NewGuid()}', 'NRT-H1', 'Decided', '{lane}', '{decidedAt}'::timestamptz - interval '3 minutes', '{decidedAt}')
            """);
}
