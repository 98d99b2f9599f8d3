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
        var weights = Weights;
        var values = Values;
        var cycle = position % 3;
        var total = sum;
        foreach (var c in part)
        {
            if (c >= values.Length || values[c] < 0)
            {
                return false;
            }

            // Cannot overflow: 35 × 7 per character over at most 90 characters.
            total = unchecked(total + (values[c] * weights[cycle]));
            cycle = cycle == 2 ? 0 : cycle + 1;
        }

        sum = total;
        position += part.Length;
        return true;
    }

    internal static int ValueOf(char c) => c < Values.Length ? Values[c] : -1;

    private static ReadOnlySpan<byte> Weights => [7, 3, 1];

    /// <summary>Value of each ASCII character: '0'-'9' → 0-9, '&lt;' → 0, 'A'-'Z' → 10-35, anything else -1.</summary>
    private static ReadOnlySpan<sbyte> Values =>
    [
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -1, -1, 0, -1, -1, -1,
        -1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
        25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    ];
}
