using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Data.Arrival;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// A kiosk that has read DG14 asks for a Chip Authentication key agreement (decision 0014). Only the kiosk that opened
/// the session, and only while the session is undecided; the keys stay on the service, the kiosk gets the ephemeral
/// public key and the protected commands. Refusing here never helps a clone: SubmitDocument then finds no answer and refers.
/// </summary>
public sealed class RequestChipAuthenticationHandler(ArrivalSessionStore sessions, ChipAuthenticityCheck chipAuthenticity, ILogger<RequestChipAuthenticationHandler> logger)
{
    public async Task<ChipAuthenticationKeyAgreement?> HandleAsync(string kioskId, RequestChipAuthentication request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var row = await sessions.LoadAsync(request.SessionId, ct);
        if (row is null || !string.Equals(row.KioskId, kioskId, StringComparison.Ordinal))
        {
            logger.LogWarning("Kiosk {KioskId} asked for chip authentication in session {SessionId}, which it does not hold", kioskId, request.SessionId);
            throw new HubException("This session belongs to another kiosk.");
        }

        if (row.Lane is not null || request.Dg14 is not { Length: > 0 and <= 8192 })
        {
            return null;
        }

        return await chipAuthenticity.IssueChipAuthenticationAsync(request.SessionId, request.Dg14, ct);
    }
}
