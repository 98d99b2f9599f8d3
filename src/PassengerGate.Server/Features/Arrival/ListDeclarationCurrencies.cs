using PassengerGate.Contracts.Kiosk;
using PassengerGate.Domain.Currency;
using PassengerGate.Domain.Time;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// The kiosk's currency picker (decision 0020): yen and each currency with a customs weekly rate covering today at the
/// airport — exactly what <see cref="Declarations.DeclarationChecks"/> accepts (decision 0017), so the picker cannot offer a
/// currency the service would refuse.
/// </summary>
public sealed class ListDeclarationCurrencies(ArrivalRiskScreening screening, AirportClock airport, TimeProvider clock)
{
    public async Task<DeclarationCurrencies> HandleAsync(CancellationToken ct)
    {
        var today = airport.DateOf(clock.GetUtcNow());
        var rates = await screening.RatesAsync(today, ct);
        var withRate = rates.Rates
            .Where(r => r.Covers(today) && r.Currency != CurrencyCode.Jpy)
            .Select(r => r.Currency.Value)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return new DeclarationCurrencies(today, [CurrencyCode.Jpy.Value, .. withRate]);
    }
}
