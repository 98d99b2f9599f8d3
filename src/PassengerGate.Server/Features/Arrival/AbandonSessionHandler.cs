using PassengerGate.Contracts.Kiosk;
using PassengerGate.Domain.Sessions;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>The kiosk ends a session before a decision (idle timeout, passenger left, fault): it is never released.</summary>
public sealed class AbandonSessionHandler(ArrivalSessionRunner runner)
{
    public Task<SessionUpdate> HandleAsync(string kioskId, AbandonSession request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return runner.RunAsync(kioskId, request.SessionId, request.CommandId, "abandon", (session, now, _) =>
        {
            var reason = new SessionReason("SESSION_ABANDONED", string.IsNullOrWhiteSpace(request.Reason) ? "The session was ended at the kiosk." : request.Reason);
            session.Abandon($"kiosk:{kioskId}", now, reason);
            return Task.FromResult(new StepOutcome { Reasons = [reason] });
        }, ct);
    }
}
