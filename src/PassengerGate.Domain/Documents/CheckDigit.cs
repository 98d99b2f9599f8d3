namespace PassengerGate.Domain.Documents;

/// <summary>
/// ICAO Doc 9303 Part 3 §4.9 check digit: characters map 0-9 → 0-9, A-Z → 10-35, '<' → 0,
/// weighted 7-3-1 repeating, summed, modulo 10.
/// </summary>
public static class CheckDigit
{
    /// <summary>Returns the check digit (0-9), or -1 when the field holds a character the MRZ alphabet lacks.</summary>
    public static int Compute(ReadOnlySpan<char> field)
    {
        var sum = 0;
        var position = 0;
        return Accumulate(field, ref sum, ref position) ? sum % 10 : -1;
    }

    /// <summary>True when <paramref name="digit"/> is the digit character ('0'-'9') that checks <paramref name="field"/>.
    /// A '<' here is never a check digit: where ICAO lets a filler stand for 0 the parser says so itself.</summary>
    public static bool Verify(ReadOnlySpan<char> field, char digit)
    {
        var expected = Compute(field);
        return expected >= 0 && digit - '0' == expected;
    }

    /// <summary>
    /// Adds <paramref name="part"/> to a running weighted sum, continuing the 7-3-1 cycle at
    /// <paramref name="position"/>: the composite check digit runs over several separate slices
    /// as if they were one string (Doc 9303 Part 4 §4.2.2.2).
    /// </summary>
    internal static bool Accumulate(ReadOnlySpan<char> part, ref int sum, ref int position)
    {
        for (var i = 0; i < part.Length; i++)
        {
            var value = ValueOf(part[i]);
            if (value < 0)
            {
                return false;
            }

            var weight = (position % 3) switch
            {
                0 => 7,
                1 => 3,
                _ => 1,
            };
            sum += value * weight;
            position++;
        }

        return true;
    }

    internal static int ValueOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        '<' => 0,
        _ => -1,
    };
}
