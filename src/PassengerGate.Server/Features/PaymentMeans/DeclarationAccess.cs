using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Departure;
using PassengerGate.Data.PaymentMeans;
using PassengerGate.Server.Auth;
using PassengerGate.Server.Hubs;

namespace PassengerGate.Server.Features.PaymentMeans;

/// <summary>Loads a declaration for staff: another airport's is answered exactly like one that does not exist.</summary>
public sealed class DeclarationAccess(CurrencyDeclarationStore store, IHubContext<DepartureHub, IDepartureClient> departure)
{
    public async Task<CurrencyDeclarationStore.Row> LoadAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var row = await store.LoadAsync(id, ct);
        return row is null || row.Airport != user.Airport() ? throw new HubException($"No declaration {DepartureViews.Number(id)}.") : row;
    }

    /// <summary>Reloads after a change and tells the airport's departure consoles.</summary>
    public async Task<DepartureDeclarationView> ChangedAsync(long id, CancellationToken ct)
    {
        var row = await store.LoadAsync(id, ct) ?? throw new HubException($"No declaration {DepartureViews.Number(id)}.");
        var view = DepartureViews.View(row);
        await departure.Clients.Group(DepartureHub.AirportGroup(row.Airport)).DeclarationChanged(view);
        return view;
    }
}
