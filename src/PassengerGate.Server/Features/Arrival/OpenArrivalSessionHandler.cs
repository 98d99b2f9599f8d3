using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Data.Arrival;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// A kiosk starts an arrival session. The kiosk picks the id, so opening twice (a retry after a
/// reconnect) finds the session already there and answers with where it stands, and with the
/// session's chip challenge for Active Authentication (the same one on a retry).
/// </summary>
public sealed class OpenArrivalSessionHandler(ArrivalSessionStore sessions, ChipAuthenticityCheck chipAuthenticity, TimeProvider clock, ILogger<OpenArrivalSessionHandler> logger)
{
    public async Task<SessionUpdate> HandleAsync(string kioskId, OpenArrivalSession request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.SessionId == Guid.Empty)
        {
            throw new HubException("A session id is required.");
        }

        var row = await sessions.OpenAsync(request.SessionId, kioskId, clock.GetUtcNow(), ct);
        if (!string.Equals(row.KioskId, kioskId, StringComparison.Ordinal))
        {
            logger.LogWarning("Kiosk {KioskId} tried to open session {SessionId} owned by {Owner}", kioskId, request.SessionId, row.KioskId);
            throw new HubException("This session belongs to another kiosk.");
        }

        logger.LogDebug("Arrival session {SessionId} opened at kiosk {KioskId} ({State})", row.SessionId, kioskId, row.State);
        var challenge = await chipAuthenticity.IssueChallengeAsync(row.SessionId, ct);
        return new SessionUpdate(row.SessionId, SessionUpdates.StateOf(row.State), SessionUpdates.LaneOf(row.Lane), [], ChipChallenge: challenge);
    }
}
