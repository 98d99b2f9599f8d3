using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Officer;
using PassengerGate.Domain.Staff;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Officer;

/// <summary>
/// The dashboard's hours and "today" are the airport's, not UTC's. At 16:30 UTC on 30 November it is already
/// 01:30 on 1 December at Narita: Japan Standard Time is UTC+9 all year (no daylight saving since 1951; the
/// Standard Time Act of 1886 fixes the 135°E meridian). A session decided at 14:50 UTC is yesterday's
/// 23:50 there; one at 15:10 UTC is today's 00:10.
/// </summary>
public sealed class DashboardAirportTimeTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);
    private readonly ShiftedClock _clock = new(new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero));
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(db.ConnectionString, clock: _clock);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Hours_and_today_are_counted_in_airport_time_when_the_utc_date_differs()
    {
        await _server.RegisterKioskAsync("NRT-H1");
        await InsertDecidedAsync("green", "2026-11-30T15:10:00Z");
        await InsertDecidedAsync("green", "2026-11-30T15:59:00Z");
        await InsertDecidedAsync("red", "2026-11-30T14:50:00Z");
        var supervisor = await _server.SignInAsync("super-h", await _server.EnsureStaffAsync("super-h", StaffRole.Supervisor, "NRT"));
        await using var connection = _server.OfficerConnection(supervisor);
        await connection.StartAsync();

        var snapshot = await connection.InvokeAsync<DashboardSnapshot>(nameof(IOfficerHub.GetDashboard));

        // Today at Narita began at 15:00 UTC: the two green sessions are today's, the red one is yesterday's.
        Assert.Equal(2, snapshot.GreenToday);
        Assert.Equal(0, snapshot.RedToday);
        Assert.Equal(12, snapshot.PerHour.Count);
        Assert.All(snapshot.PerHour, h => Assert.Equal(Jst, h.Hour.Offset));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 1, 0, 0, Jst), snapshot.PerHour[^1].Hour);
        var firstHourOfDay = Assert.Single(snapshot.PerHour, h => h.Hour == new DateTimeOffset(2026, 12, 1, 0, 0, 0, Jst));
        Assert.Equal((2, 0), (firstHourOfDay.Green, firstHourOfDay.Red));
        Assert.Equal(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Unspecified), firstHourOfDay.Hour.DateTime);
        var lastHourOfYesterday = Assert.Single(snapshot.PerHour, h => h.Hour == new DateTimeOffset(2026, 11, 30, 23, 0, 0, Jst));
        Assert.Equal((0, 1), (lastHourOfYesterday.Green, lastHourOfYesterday.Red));
    }

    private Task<object?> InsertDecidedAsync(string lane, string decidedAt) =>
        db.ScalarAsync<object>($"""
            INSERT INTO arrival_sessions (session_id, kiosk_id, state, lane, opened_at, updated_at)
            VALUES ('{Guid.NewGuid()}', 'NRT-H1', 'Decided', '{lane}', '{decidedAt}'::timestamptz - interval '3 minutes', '{decidedAt}')
            """);
}
