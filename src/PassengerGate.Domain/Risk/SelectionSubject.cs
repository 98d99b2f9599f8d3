using System.Globalization;

namespace PassengerGate.Domain.Risk;

/// <summary>
/// What a random-selection draw is made on: one traveller's document on one flight on one arrival day,
/// <c>DOCUMENT|ISSUER|FLIGHT|yyyy-MM-dd</c> (document normalised, issuer ICAO alpha-3, flight canonical). Not the
/// session: a traveller who walks away from a kiosk and starts again at another one meets the same draw, so
/// retrying cannot re-roll it (decision 0008).
/// </summary>
public static class SelectionSubject
{
    public static string For(string documentNumber, string issuingState, string flight, DateOnly arrivalDate)
    {
        ArgumentNullException.ThrowIfNull(documentNumber);
        ArgumentNullException.ThrowIfNull(issuingState);
        ArgumentNullException.ThrowIfNull(flight);
        return string.Join(
            '|',
            DocumentNumber.Normalise(documentNumber),
            issuingState.Trim().ToUpperInvariant(),
            flight.Trim().ToUpperInvariant(),
            arrivalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    public static string For(RiskContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return For(ctx.Traveller.DocumentNumber, ctx.Traveller.IssuingState, ctx.Flight, ctx.ArrivalDate);
    }
}
