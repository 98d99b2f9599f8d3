namespace PassengerGate.Domain.Documents;

/// <summary>
/// Reads a TD3 (passport, 2×44) machine-readable zone. Layout: ICAO Doc 9303 Part 4 §4.2.
/// </summary>
public static class MrzParser
{
    public static MrzResult Parse(IReadOnlyList<string> lines, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count != 2 || lines[0].Length != 44 || lines[1].Length != 44)
        {
            return new MrzResult { Format = "UNKNOWN", Errors = [new MrzError("lines", "expected two lines of 44 characters (TD3)")] };
        }

        var l1 = lines[0];
        var l2 = lines[1];
        var errors = new List<MrzError>();
        foreach (var (line, lineName) in new[] { (l1, "line1"), (l2, "line2") })
        {
            foreach (var c in line)
            {
                if (CheckDigit.ValueOf(c) < 0)
                {
                    errors.Add(new MrzError(lineName, $"character '{c}' is not in the MRZ alphabet"));
                    break;
                }
            }
        }

        Check(errors, "documentNumber", l2.AsSpan(0, 9), l2[9]);
        Check(errors, "dateOfBirth", l2.AsSpan(13, 6), l2[19]);
        Check(errors, "expiryDate", l2.AsSpan(21, 6), l2[27]);
        Check(errors, "optionalData", l2.AsSpan(28, 14), l2[42]);
        var composite = string.Concat(l2.AsSpan(0, 10), l2.AsSpan(13, 7), l2.AsSpan(21, 22));
        Check(errors, "composite", composite, l2[43]);

        var name = l1[5..].TrimEnd('<');
        var split = name.IndexOf("<<", StringComparison.Ordinal);
        var surname = split < 0 ? name : name[..split];
        var given = split < 0 ? "" : name[(split + 2)..];

        var birth = MrzDate(l2.AsSpan(13, 6), today, isExpiry: false);
        var expiry = MrzDate(l2.AsSpan(21, 6), today, isExpiry: true);
        if (birth is null)
        {
            errors.Add(new MrzError("dateOfBirth", "not a valid date"));
        }

        if (expiry is null)
        {
            errors.Add(new MrzError("expiryDate", "not a valid date"));
        }

        return new MrzResult
        {
            Format = "TD3",
            DocumentCode = l1[..2].TrimEnd('<'),
            IssuingState = l1[2..5].TrimEnd('<'),
            DocumentNumber = l2[..9].TrimEnd('<'),
            Nationality = l2[10..13].TrimEnd('<'),
            Surname = surname.Replace('<', ' '),
            GivenNames = given.Replace('<', ' ').Trim(),
            DateOfBirth = birth,
            Sex = l2[20].ToString(),
            ExpiryDate = expiry,
            OptionalData = l2[28..42].TrimEnd('<'),
            Errors = errors,
        };
    }

    private static void Check(List<MrzError> errors, string field, ReadOnlySpan<char> value, char digit)
    {
        if (!CheckDigit.Verify(value, digit))
        {
            errors.Add(new MrzError(field, $"check digit '{digit}' does not match"));
        }
    }

    /// <summary>YYMMDD with a century rule: a birth date is in the past; an expiry date lies
    /// at most 20 years before or ahead of today.</summary>
    private static DateOnly? MrzDate(ReadOnlySpan<char> yymmdd, DateOnly today, bool isExpiry)
    {
        foreach (var c in yymmdd)
        {
            if (c is < '0' or > '9')
            {
                return null;
            }
        }

        var yy = ((yymmdd[0] - '0') * 10) + (yymmdd[1] - '0');
        var mm = ((yymmdd[2] - '0') * 10) + (yymmdd[3] - '0');
        var dd = ((yymmdd[4] - '0') * 10) + (yymmdd[5] - '0');
        var century = today.Year / 100 * 100;
        var year = century + yy;
        if (isExpiry ? year > today.Year + 20 : year > today.Year)
        {
            year -= 100;
        }

        if (mm is < 1 or > 12 || dd < 1 || dd > DateTime.DaysInMonth(year, mm))
        {
            return null;
        }

        return new DateOnly(year, mm, dd);
    }
}
