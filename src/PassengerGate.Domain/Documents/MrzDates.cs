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

        var unknown = false;
        Span<int> parts = stackalloc int[3];
        for (var p = 0; p < 3; p++)
        {
            var c0 = date[2 * p];
            var c1 = date[(2 * p) + 1];
            if (c0 == '<' && c1 == '<')
            {
                unknown = true;
                parts[p] = -1;
                continue;
            }

            if (!char.IsAsciiDigit(c0) || !char.IsAsciiDigit(c1))
            {
                return MrzDateSyntax.Invalid;
            }

            parts[p] = ((c0 - '0') * 10) + (c1 - '0');
        }

        var month = parts[1];
        var day = parts[2];
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

    private static int MaxDays(int month) => month switch
    {
        2 => 29,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };
}
