namespace PassengerGate.Domain.Documents;

/// <summary>
/// MRZ dates are YYMMDD. Doc 9303 Part 3 §4.3 lets unknown parts be filler ('&lt;&lt;'); some states print
/// "00" for an unknown day or month (tech.md §1.4). Neither is an error, but neither gives a calendar date.
/// </summary>
public static class MrzDates
{
    /// <summary>Birth dates lie in the past; expiry dates within 80 years back and 20 years ahead
    /// (no travel document is valid for longer than 10 years, Doc 9303 Part 2 leaves the rest to states).</summary>
    private const int ExpiryYearsAhead = 20;
    private const int ExpiryYearsBack = 80;

    internal static MrzDateSyntax Classify(ReadOnlySpan<char> date)
    {
        if (date.Length != 6)
        {
            return MrzDateSyntax.Invalid;
        }

        var year = Pair(date[0], date[1]);
        var month = Pair(date[2], date[3]);
        var day = Pair(date[4], date[5]);
        if (year == Invalid || month == Invalid || day == Invalid)
        {
            return MrzDateSyntax.Invalid;
        }

        var unknown = year == Filler || month == Filler || day == Filler;
        if (month > 12 || day > 31 || (month > 0 && day > 0 && day > MaxDays(month)))
        {
            return MrzDateSyntax.Invalid;
        }

        return unknown || month == 0 || day == 0 ? MrzDateSyntax.Unknown : MrzDateSyntax.Valid;
    }

    /// <summary>The calendar date, or null when a part is unknown or the day does not exist in the chosen year.</summary>
    public static DateOnly? ToDate(ReadOnlySpan<char> date, DateOnly today, bool isExpiry)
    {
        if (Classify(date) != MrzDateSyntax.Valid)
        {
            return null;
        }

        var yy = ((date[0] - '0') * 10) + (date[1] - '0');
        var month = ((date[2] - '0') * 10) + (date[3] - '0');
        var day = ((date[4] - '0') * 10) + (date[5] - '0');
        var year = (today.Year / 100 * 100) + yy;
        if (isExpiry)
        {
            if (year > today.Year + ExpiryYearsAhead)
            {
                year -= 100;
            }
            else if (year < today.Year - ExpiryYearsBack)
            {
                year += 100;
            }
        }
        else if ((year * 10000) + (month * 100) + day > (today.Year * 10000) + (today.Month * 100) + today.Day)
        {
            year -= 100;
        }

        return year is >= 1 and <= 9999 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    private const int Filler = -1;
    private const int Invalid = -2;

    private static int Pair(char tens, char units)
    {
        if (tens == '<' && units == '<')
        {
            return Filler;
        }

        return char.IsAsciiDigit(tens) && char.IsAsciiDigit(units) ? ((tens - '0') * 10) + (units - '0') : Invalid;
    }

    private static int MaxDays(int month) => month switch
    {
        2 => 29,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };
}
