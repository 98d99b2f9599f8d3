using PassengerGate.Data.Audit;
using PassengerGate.Data.Kiosks;
using PassengerGate.Domain.Audit;
using PassengerGate.Domain.Sessions;

namespace PassengerGate.Server.Features.Audit;

/// <summary>
/// The automatic decisions: when a session step puts a passenger in a lane (released or referred),
/// the decision and its reason codes go to the audit trail. Ids and codes only, no personal data.
/// </summary>
public sealed class LaneDecisionAudit(AuditStore store, KioskStore kiosks, ILogger<LaneDecisionAudit> logger)
{
    public async Task RecordAsync(ArrivalSession session, string kioskId, string step, long? caseNumber, IReadOnlyList<string> reasonCodes, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Lane is null)
        {
            return;
        }

        try
        {
            var airport = await kiosks.FindAirportAsync(kioskId, CancellationToken.None);
            await store.AppendAsync(
                new AuditRecord(at, "service", AuditActorKinds.System, AuditActions.SessionTransition, $"session:{session.Id}", airport, new { kioskId, step, state = session.State.ToString(), lane = session.Lane, caseNumber, reasons = reasonCodes }),
                CancellationToken.None);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException)
        {
            // The decision itself is stored with its transitions (session_transitions); a missed audit
            // row must not turn a recorded lane decision into an error for the passenger.
            logger.LogError(ex, "Could not audit the lane decision of session {SessionId}", session.Id);
        }
    }
}
