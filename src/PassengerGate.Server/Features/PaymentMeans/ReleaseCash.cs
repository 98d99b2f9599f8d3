using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Departure;
using PassengerGate.Data.PaymentMeans;
using PassengerGate.Domain.Audit;
using PassengerGate.Server.Features.Audit;

namespace PassengerGate.Server.Features.PaymentMeans;

/// <summary>Releases cash restrained on a false or missing declaration ("release later"), audited; only once.</summary>
public sealed class ReleaseCash(CurrencyDeclarationStore store, DeclarationAccess access, AuditTrail audit, TimeProvider clock)
{
    public async Task<DepartureDeclarationView> HandleAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var row = await access.LoadAsync(id, user, ct);
        var number = DepartureViews.Number(row.Id);
        var record = audit.Record(user, CurrencyAuditActions.CashReleased, "currency:" + number, new { amount = row.RestrainedAmount });
        if (!await store.ReleaseAsync(row.Id, clock.GetUtcNow(), record, ct))
        {
            throw new HubException($"No restrained cash to release on {number}.");
        }

        return await access.ChangedAsync(row.Id, ct);
    }
}
