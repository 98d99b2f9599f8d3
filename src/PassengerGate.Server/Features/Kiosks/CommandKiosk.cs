using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Data.Kiosks;
using PassengerGate.Domain.Audit;
using PassengerGate.Server.Auth;
using PassengerGate.Server.Features.Audit;
using PassengerGate.Server.Hubs;

namespace PassengerGate.Server.Features.Kiosks;

/// <summary>A supervisor takes a kiosk of their airport out of service or returns it, from the console; audited.</summary>
public sealed class CommandKiosk(IHubContext<KioskHub, IKioskClient> kiosks, KioskStore store, AuditTrail audit, ILogger<CommandKiosk> logger)
{
    public async Task SetInServiceAsync(string kioskId, bool inService, string? reason, ClaimsPrincipal by, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kioskId);
        ArgumentNullException.ThrowIfNull(by);
        if (await store.FindAirportAsync(kioskId, ct) != by.Airport())
        {
            throw new HubException($"No kiosk {kioskId} at your airport.");
        }

        var text = string.IsNullOrWhiteSpace(reason) ? "Taken out of service by a supervisor" : reason.Trim();
        await audit.StaffActAsync(by, AuditActions.KioskCommanded, "kiosk:" + kioskId, new { inService, reason = inService ? null : text }, ct);
        var kiosk = kiosks.Clients.Group(KioskHub.KioskGroup(kioskId));
        if (inService)
        {
            await kiosk.ReturnToService();
        }
        else
        {
            await kiosk.TakeOutOfService(text);
        }

        logger.LogInformation("Kiosk {KioskId} {Change} by {By}", kioskId, inService ? "returned to service" : "taken out of service", by.UserName());
    }
}
