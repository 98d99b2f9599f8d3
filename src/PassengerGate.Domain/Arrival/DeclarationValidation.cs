using System.Globalization;
using PassengerGate.Domain.Currency;
using PassengerGate.Domain.Documents;

namespace PassengerGate.Domain.Arrival;

/// <summary>
/// The checks a customs system makes on a well-formed declaration before accepting it, as of the day at the
/// airport (docs/decisions/0017-declarations-validated-and-qr-valid-for-the-arrival-day.md): a nationality that is an
/// ICAO Doc 9303 Part 3 code; a customs weekly rate for every foreign currency a goods line is valued in (DOMAIN.md
/// §2 "Conversion": never a live rate, so a currency without one cannot be assessed); a date of birth not after
/// today; an arrival date inside the window. Every broken rule is returned, each at its path.
/// </summary>
public static class DeclarationValidation
{
    /// <param name="window">Null: the arrival date is not checked (a signed QR already bounds it by its expiry).</param>
    /// <param name="specimenStates">Codes accepted besides Doc 9303's (e.g. "UTO", ICAO's fictitious Utopia, on a test system); empty in production.</param>
    public static IReadOnlyList<DeclarationViolation> Check(
        ArrivalDeclaration declaration,
        CustomsRateTable rates,
        DateOnly today,
        ArrivalDateWindow? window,
        IReadOnlyCollection<string>? specimenStates = null)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(rates);
        var violations = new List<DeclarationViolation>();
        var header = declaration.Header;
        var nationality = header.Nationality.TrimEnd('<');
        if (!IcaoCountry.IsKnown(nationality) && !(specimenStates?.Contains(nationality, StringComparer.Ordinal) ?? false))
        {
            violations.Add(new DeclarationViolation("$.header.nationality", DeclarationRule.NationalityNotIcao,
                $"'{nationality}' is not a nationality code of ICAO Doc 9303 Part 3 (e.g. JPN, USA, D for Germany)"));
        }

        if (header.DateOfBirth > today)
        {
            violations.Add(new DeclarationViolation("$.header.dateOfBirth", DeclarationRule.BirthDateInFuture,
                $"{Iso(header.DateOfBirth)} is after today ({Iso(today)})"));
        }

        if (window is not null && !window.Contains(header.ArrivalDate, today))
        {
            violations.Add(new DeclarationViolation("$.header.arrivalDate", DeclarationRule.ArrivalDateOutOfWindow,
                $"{Iso(header.ArrivalDate)} must be between {Iso(today.AddDays(-window.DaysBefore))} and {Iso(today.AddDays(window.DaysAhead))}"));
        }

        for (var i = 0; i < declaration.Goods.OtherGoods.Count; i++)
        {
            var currency = declaration.Goods.OtherGoods[i].UnitRetailValue.Currency;
            if (currency != CurrencyCode.Jpy && rates.Find(currency, today) is null)
            {
                violations.Add(new DeclarationViolation($"$.goods.otherGoods[{i}].currency", DeclarationRule.CurrencyWithoutRate,
                    $"'{currency}' has no customs rate for the week of {Iso(today)}"));
            }
        }

        return violations;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
