using System.Security.Claims;
using PassengerGate.Contracts.Officer;
using PassengerGate.Data.Cases;
using PassengerGate.Server.Auth;
using PassengerGate.Server.Features.Kiosks;

namespace PassengerGate.Server.Features.Cases;

/// <summary>
/// The supervisor dashboard's numbers for their airport: decided sessions per hour by lane over the last 12 hours,
/// the lane split since midnight in Japan, open referrals by reason, the queue and its waits, and the kiosks.
/// The page fetches it again whenever a referral, claim, closure or kiosk change is pushed, so it stays live.
/// </summary>
public sealed class ShowDashboard(CaseStore cases, RecordKioskPresence presence, TimeProvider clock)
{
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    public async Task<DashboardSnapshot> HandleAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var airport = user.Airport();
        var now = clock.GetUtcNow();
        var hourStart = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var since = hourStart.AddHours(-11);
        var local = now.ToOffset(Japan);
        var midnight = new DateTimeOffset(local.Year, local.Month, local.Day, 0, 0, 0, Japan);
        var from = midnight < since ? midnight : since;

        var rows = await cases.LoadLanesPerHourAsync(airport, from, ct);
        var byHour = rows.ToDictionary(r => new DateTimeOffset(r.Hour, TimeSpan.Zero));
        var perHour = Enumerable.Range(0, 12).Select(i => since.AddHours(i))
            .Select(h => byHour.TryGetValue(h, out var r) ? new HourCount(h, r.Green, r.Red) : new HourCount(h, 0, 0)).ToList();
        // Japan is UTC+9 in whole hours, so midnight there is an hour boundary of the UTC buckets.
        var today = rows.Where(r => new DateTimeOffset(r.Hour, TimeSpan.Zero) >= midnight).ToList();
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
            await presence.ListAsync(airport, ct));
    }
}
