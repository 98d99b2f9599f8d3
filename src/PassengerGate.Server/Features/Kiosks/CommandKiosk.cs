using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Server.Hubs;

namespace PassengerGate.Server.Features.Kiosks;

/// <summary>A supervisor takes a kiosk out of service or returns it, from the console.</summary>
public sealed class CommandKiosk(IHubContext<KioskHub, IKioskClient> kiosks, ILogger<CommandKiosk> logger)
{
    public async Task SetInServiceAsync(string kioskId, bool inService, string? reason, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kioskId);
        var kiosk = kiosks.Clients.Group(KioskHub.KioskGroup(kioskId));
        if (inService)
        {
            await kiosk.ReturnToService();
        }
        else
        {
            await kiosk.TakeOutOfService(string.IsNullOrWhiteSpace(reason) ? "Taken out of service by a supervisor" : reason.Trim());
        }

        logger.LogInformation("Kiosk {KioskId} {Change} by {By}", kioskId, inService ? "returned to service" : "taken out of service", by);
    }
}
