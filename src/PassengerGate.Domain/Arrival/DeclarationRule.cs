namespace PassengerGate.Domain.Arrival;

/// <summary>The rules a declaration must meet before it is accepted (docs/decisions/0017-…): one value per way it can be refused.</summary>
public enum DeclarationRule
{
    /// <summary>The nationality is not an ICAO Doc 9303 Part 3 code.</summary>
    NationalityNotIcao,

    /// <summary>A goods line is in a currency that has no customs weekly rate for the day at the airport.</summary>
    CurrencyWithoutRate,

    /// <summary>The date of birth is after today at the airport.</summary>
    BirthDateInFuture,

    /// <summary>The arrival date is outside the accepted window around today at the airport.</summary>
    ArrivalDateOutOfWindow,
}

/// <summary>One broken rule at a JSON path of the declaration ("$.header.nationality"), with plain English words for the log and API.</summary>
public sealed record DeclarationViolation(string Path, DeclarationRule Rule, string Message);

/// <summary>
/// How far the stated arrival date may be from today at the airport: <see cref="DaysBefore"/> days back and
/// <see cref="DaysAhead"/> days ahead, both inclusive.
/// </summary>
public sealed record ArrivalDateWindow(int DaysBefore, int DaysAhead)
{
    public bool Contains(DateOnly arrival, DateOnly today) =>
        arrival.DayNumber >= today.DayNumber - DaysBefore && arrival.DayNumber <= today.DayNumber + DaysAhead;
}
