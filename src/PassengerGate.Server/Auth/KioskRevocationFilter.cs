using Microsoft.AspNetCore.SignalR;
using PassengerGate.Data.Kiosks;
using PassengerGate.Server.Hubs;

namespace PassengerGate.Server.Auth;

/// <summary>
/// A credential is checked when a kiosk connects; a kiosk revoked while connected is caught here,
/// on its next call: the call is refused and the connection closed.
/// </summary>
public sealed class KioskRevocationFilter(KioskStore kiosks) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        if (invocationContext.Hub is KioskHub)
        {
            var kioskId = invocationContext.Context.User?.FindFirst(KioskCredentialHandler.KioskIdClaim)?.Value;
            var stored = kioskId is null ? null : await kiosks.FindCredentialAsync(kioskId, invocationContext.Context.ConnectionAborted);
            if (stored is null || stored.RevokedAt is not null)
            {
                invocationContext.Context.Abort();
                throw new HubException("This kiosk's credential has been revoked.");
            }
        }

        return await next(invocationContext);
    }
}
