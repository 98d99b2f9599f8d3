using PassengerGate.Contracts.Departure;
using PassengerGate.Data.PaymentMeans;
using PassengerGate.Domain.Time;

namespace PassengerGate.Server.Features.PaymentMeans;

/// <summary>The departure console's queue: the airport's declarations of today (airport time) and the structuring flags.</summary>
public sealed class ListDepartureWorklist(CurrencyDeclarationStore store, ScreenStructuring screen, AirportClock airportClock)
{
    public async Task<DepartureWorklist> HandleAsync(string airport, CancellationToken ct)
    {
        var today = airportClock.Today;
        var rows = await store.LoadRangeAsync(airport, today, today, ct);
        return new DepartureWorklist([.. rows.Select(DepartureViews.View)], await screen.HandleAsync(airport, ct));
    }
}
