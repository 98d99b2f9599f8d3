using PassengerGate.Data;
using PassengerGate.Data.Arrival;
using PassengerGate.Domain.Sessions;
using PassengerGate.Server.Features.Audit;
using PassengerGate.Server.Features.Referrals;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// Sessions left undecided (a kiosk that died, a passenger who walked away while the link was down)
/// are ended after <see cref="Timeout"/> in the Abandoned state: a safe state, never green. A session whose document
/// step's risk screen found something (<see cref="CarriedRisk"/>) is referred instead, with those reasons, exactly as
/// when the kiosk abandons it (<see cref="AbandonSessionHandler"/>, decision 0008): a hit must not vanish because the
/// kiosk died or the passenger walked away while the link was down.
/// </summary>
public sealed class AbandonStaleSessions(
    ArrivalSessionStore sessions,
    ReferralNotifier notifier,
    LaneDecisionAudit laneAudit,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<AbandonStaleSessions> logger) : BackgroundService
{
    public TimeSpan Timeout => configuration.GetValue("Sessions:Timeout", TimeSpan.FromMinutes(15));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue("Sessions:SweepInterval", TimeSpan.FromMinutes(1)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Sweeping stale sessions failed");
            }
        }
    }

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var count = 0;
        foreach (var row in await sessions.LoadStaleSessionsAsync(now - Timeout, 500, ct))
        {
            var session = ArrivalSession.Restore(row.SessionId, row.KioskId, Enum.Parse<ArrivalState>(row.State), row.Sequence);
            var reason = new SessionReason("SESSION_TIMEOUT", $"No step for {Timeout.TotalMinutes:0} minutes: the session was ended.");
            var carried = CarriedRisk.Read(await sessions.LoadFactsAsync(session.Id, ct)).Reasons;
            SessionReason[] reasons = [reason, .. carried];
            if (carried.Count > 0)
            {
                session.Refer(reasons, "service:risk-carried", now);
            }
            else
            {
                session.Abandon("service:timeout", now, reason);
            }

            try
            {
                var referral = await sessions.SaveAsync(new ArrivalSessionStore.SaveRequest(session, row.Sequence, null, null, null, null, now), ct);
                count++;
                if (referral is not null)
                {
                    await notifier.ReferralRaisedAsync(referral, CancellationToken.None);
                    await laneAudit.RecordAsync(session, row.KioskId, "timeout", referral.CaseNumber, reasons.Select(r => r.Code).ToList(), now);
                }
            }
            catch (ConcurrencyConflictException)
            {
                // The kiosk moved it meanwhile: it is alive after all.
            }
        }

        if (count > 0)
        {
            logger.LogInformation("Ended {Count} stale sessions", count);
        }

        return count;
    }
}
