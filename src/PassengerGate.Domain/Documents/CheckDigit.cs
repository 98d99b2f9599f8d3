namespace PassengerGate.Domain.Documents;

/// <summary>
/// ICAO Doc 9303 Part 3 §4.9 check digit: characters map 0-9 → 0-9, A-Z → 10-35, '<' → 0,
/// weighted 7-3-1 repeating, summed, modulo 10.
/// </summary>
public static class CheckDigit
{
    private static ReadOnlySpan<int> Weights => [7, 3, 1];

    /// <summary>Returns the check digit (0-9), or -1 when the field holds a character the MRZ alphabet lacks.</summary>
    public static int Compute(ReadOnlySpan<char> field)
    {
        var sum = 0;
        for (var i = 0; i < field.Length; i++)
        {
            var value = ValueOf(field[i]);
            if (value < 0)
            {
                return -1;
            }

            sum += value * Weights[i % 3];
        }

        return sum % 10;
    }

    /// <summary>True when <paramref name="digit"/> is the check digit of <paramref name="field"/>.
    /// A '<' filler counts as 0, as ICAO allows for empty optional data.</summary>
    public static bool Verify(ReadOnlySpan<char> field, char digit)
    {
        var expected = Compute(field);
        if (expected < 0)
        {
            return false;
        }

        return digit == '<' ? expected == 0 : digit - '0' == expected;
    }

    internal static int ValueOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        '<' => 0,
        _ => -1,
    };
}
