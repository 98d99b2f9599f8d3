using Microsoft.AspNetCore.SignalR;
using PassengerGate.Data.Staff;
using PassengerGate.Server.Hubs;

namespace PassengerGate.Server.Auth;

/// <summary>
/// A staff hub connection outlives the request that opened it. Every call re-checks the account:
/// disabled, or its password or role changed since sign-in, and the call is refused and the
/// connection closed.
/// </summary>
public sealed class StaffSessionFilter(StaffStore staff) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        if (invocationContext.Hub is OfficerHub
            && (invocationContext.Context.User is not { } user || !await StaffAuth.IsCurrentAsync(user, staff, invocationContext.Context.ConnectionAborted)))
        {
            invocationContext.Context.Abort();
            throw new HubException("Your sign-in is no longer valid; sign in again.");
        }

        return await next(invocationContext);
    }
}
