using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Kiosk;

namespace PassengerGate.Server.Tests.Support;

/// <summary>Tests call the kiosk hub as the kiosk does: through the typed <see cref="KioskHubClient"/> (decision 0019).</summary>
public static class KioskHubConnection
{
    public static IKioskHub Hub(this HubConnection connection, CancellationToken ct = default) =>
        new KioskHubClient((method, type, args) => connection.InvokeCoreAsync(method, type, args, ct));
}
