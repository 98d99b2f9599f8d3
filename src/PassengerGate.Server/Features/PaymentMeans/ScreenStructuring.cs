using Microsoft.Extensions.Options;
using PassengerGate.Contracts.Departure;
using PassengerGate.Data.PaymentMeans;
using PassengerGate.Domain.PaymentMeans;
using PassengerGate.Domain.Time;

namespace PassengerGate.Server.Features.PaymentMeans;

/// <summary>
/// The structuring screen over stored declarations (issue 11 point 4): the airport's declarations of the screening
/// window through <see cref="StructuringScreen"/>, each flag with the numbers of the declarations that raised it.
/// A flag is evidence for staff to look at, never a decision: it changes nothing stored.
/// </summary>
public sealed class ScreenStructuring(CurrencyDeclarationStore store, AirportClock airportClock, IOptions<CurrencyOptions> options)
{
    public async Task<IReadOnlyList<StructuringFlagView>> HandleAsync(string airport, CancellationToken ct)
    {
        var today = airportClock.Today;
        var rows = await store.LoadRangeAsync(airport, today.AddDays(-(options.Value.ScreeningDays - 1)), today, ct);
        return Screen(rows, options.Value.Structuring);
    }

    public static IReadOnlyList<StructuringFlagView> Screen(IReadOnlyList<CurrencyDeclarationStore.Row> rows, StructuringOptions structuring)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var screened = rows.Select(DepartureViews.Screened).OfType<ScreenedDeclaration>().ToList();
        return [.. StructuringScreen.Screen(screened, structuring).Select(f => new StructuringFlagView(
            CurrencyDeclarationJson.EnumName(f.Pattern), f.Key, f.Text, f.DeclarationIds))];
    }
}
