using System.Security.Claims;
using PassengerGate.Contracts.Officer;
using PassengerGate.Data.Cases;
using PassengerGate.Server.Auth;
using PassengerGate.Domain.Time;
using PassengerGate.Server.Features.Kiosks;
using PassengerGate.Server.Features.Observability;

namespace PassengerGate.Server.Features.Cases;

/// <summary>
/// The supervisor dashboard's numbers for their airport: decided sessions per hour by lane over the last 12 hours,
/// the lane split since midnight at the airport, open referrals by reason, the queue and its waits, and the kiosks.
/// Hours and "today" are the airport's (<see cref="AirportClock"/>, decision 0008), never UTC's: a bar labelled
/// 00:00 holds what happened in the airport's first hour of the day. Each hour is sent with the airport's offset,
/// so the page prints the airport's wall clock whatever the browser's time zone.
/// The node's own load is <see cref="ServiceMetrics.Snapshot"/>, the numbers /metrics exports.
/// The page fetches it again whenever a referral, claim, closure or kiosk change is pushed, so it stays live.
/// </summary>
public sealed class ShowDashboard(CaseStore cases, RecordKioskPresence presence, AirportClock airportClock, ServiceMetrics metrics)
{
    public async Task<DashboardSnapshot> HandleAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var airport = user.Airport();
        var zone = airportClock.Zone;
        var now = airportClock.Now;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var hourStart = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, local.Offset);
        var since = hourStart.AddHours(-11);
        var midnightWall = local.Date;
        var midnight = new DateTimeOffset(midnightWall, zone.GetUtcOffset(midnightWall));
        var from = midnight < since ? midnight : since;

        var rows = await cases.LoadLanesPerHourAsync(airport, from, zone.Id, ct);
        var byHour = rows.ToDictionary(r => r.Hour);
        var perHour = Enumerable.Range(0, 12)
            .Select(i => TimeZoneInfo.ConvertTime(since.AddHours(i), zone))
            .Select(h => byHour.TryGetValue(h.DateTime, out var r) ? new HourCount(h, r.Green, r.Red) : new HourCount(h, 0, 0))
            .ToList();
        var today = rows.Where(r => r.Hour >= midnightWall).ToList();
        var stats = await cases.LoadQueueStatsAsync(airport, now, ct);
        var reasons = await cases.LoadOpenReasonsAsync(airport, ct);
        return new DashboardSnapshot(
            now,
            perHour,
            today.Sum(r => r.Green),
            today.Sum(r => r.Red),
            reasons.Select(r => new ReasonCount(r.Code, r.Count)).ToList(),
            stats.Open,
            stats.Unclaimed,
            stats.LongestWaitMinutes,
            stats.MedianWaitMinutes,
            await presence.ListAsync(airport, ct),
            metrics.Snapshot());
    }
}
