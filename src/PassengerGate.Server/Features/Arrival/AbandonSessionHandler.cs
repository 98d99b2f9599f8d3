using PassengerGate.Contracts.Kiosk;
using PassengerGate.Data.Arrival;
using PassengerGate.Domain.Sessions;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// The kiosk ends a session before a decision (idle timeout, passenger left, fault): it is never released.
/// When the document step's risk screen found something (<see cref="CarriedRisk"/>), walking away must not make it
/// vanish: the session is referred with those reasons instead of abandoned (decision 0008).
/// </summary>
public sealed class AbandonSessionHandler(ArrivalSessionRunner runner, ArrivalSessionStore sessions)
{
    public Task<SessionUpdate> HandleAsync(string kioskId, AbandonSession request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return runner.RunAsync(kioskId, request.SessionId, request.CommandId, "abandon", async (session, now, token) =>
        {
            var reason = new SessionReason("SESSION_ABANDONED", string.IsNullOrWhiteSpace(request.Reason) ? "The session was ended at the kiosk." : request.Reason);
            var carried = CarriedRisk.Read(await sessions.LoadFactsAsync(session.Id, token)).Reasons;
            if (carried.Count > 0)
            {
                SessionReason[] reasons = [reason, .. carried];
                session.Refer(reasons, "service:risk-carried", now);
                return new StepOutcome { Reasons = reasons };
            }

            session.Abandon($"kiosk:{kioskId}", now, reason);
            return new StepOutcome { Reasons = [reason] };
        }, ct);
    }
}
