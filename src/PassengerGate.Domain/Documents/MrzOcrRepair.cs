namespace PassengerGate.Domain.Documents;

/// <summary>
/// Undoes the OCR-B look-alikes O/0, I/1, S/5, B/8, Z/2 (cheminfo/mrz autocorrect, tech.md §1.4).
/// A letter where only digits may stand, or a digit where only letters may stand, is certainly wrong and is swapped
/// outright in fields no check digit covers; fields a check digit covers change only if the digit then passes.
/// </summary>
internal static class MrzOcrRepair
{
    /// <summary>More changes than this in one mixed field would let chance, not the check digit, pick the result.</summary>
    private const int MaxChangesInMixedField = 2;

    public static void Repair(MrzLayout layout, char[][] lines, List<MrzCorrection> corrections)
    {
        ToLetters(layout.DocumentCode, "documentCode", lines, corrections);
        ToLetters(layout.IssuingState, "issuingState", lines, corrections);
        ToLetters(layout.Nationality, "nationality", lines, corrections);
        ToLetters(layout.Name, "name", lines, corrections);
        ToDigits(layout.DateOfBirth, layout.DateOfBirthCheckDigit, "dateOfBirth", lines, corrections);
        ToDigits(layout.ExpiryDate, layout.ExpiryDateCheckDigit, "expiryDate", lines, corrections);

        var numberDigit = lines[layout.DocumentNumberCheckDigit.Line][layout.DocumentNumberCheckDigit.Start];
        if (!(layout.AllowsLongDocumentNumber && numberDigit == '<'))
        {
            Mixed(layout.DocumentNumber, layout.DocumentNumberCheckDigit, "documentNumber", lines, corrections);
        }

        if (!layout.OptionalDataCheckDigit.IsNone && Span(layout.OptionalData, lines).ContainsAnyExcept('<'))
        {
            Mixed(layout.OptionalData, layout.OptionalDataCheckDigit, "optionalData", lines, corrections);
        }

        if (!layout.CompositeCheckDigit.IsNone)
        {
            var at = layout.CompositeCheckDigit;
            var digit = Digit(lines[at.Line][at.Start]);
            if (digit != lines[at.Line][at.Start]
                && MrzValidator.ComputeComposite(layout, Line(lines, 0), Line(lines, 1), Line(lines, 2)) == digit - '0')
            {
                Change(lines, at.Line, at.Start, digit, "composite", corrections);
            }
        }
    }

    private static void ToLetters(MrzSlice slice, string field, char[][] lines, List<MrzCorrection> corrections)
    {
        for (var i = slice.Start; i < slice.End; i++)
        {
            var letter = Letter(lines[slice.Line][i]);
            if (letter != lines[slice.Line][i])
            {
                Change(lines, slice.Line, i, letter, field, corrections);
            }
        }
    }

    private static void ToDigits(MrzSlice slice, MrzSlice checkDigit, string field, char[][] lines, List<MrzCorrection> corrections)
    {
        var value = Span(slice, lines);
        var digit = lines[checkDigit.Line][checkDigit.Start];
        if (CheckDigit.Verify(value, digit))
        {
            return;
        }

        Span<char> candidate = stackalloc char[slice.Length];
        for (var i = 0; i < candidate.Length; i++)
        {
            candidate[i] = Digit(value[i]);
        }

        var candidateDigit = Digit(digit);
        if (!CheckDigit.Verify(candidate, candidateDigit) || MrzDates.Classify(candidate) == MrzDateSyntax.Invalid)
        {
            return;
        }

        for (var i = 0; i < candidate.Length; i++)
        {
            if (candidate[i] != value[i])
            {
                Change(lines, slice.Line, slice.Start + i, candidate[i], field, corrections);
            }
        }

        if (candidateDigit != digit)
        {
            Change(lines, checkDigit.Line, checkDigit.Start, candidateDigit, field, corrections);
        }
    }

    /// <summary>Letters and digits are both legal here, so every look-alike is a guess: try the fewest swaps
    /// first and keep a repair only when exactly one combination of that size passes the check digit.</summary>
    private static void Mixed(MrzSlice slice, MrzSlice checkDigit, string field, char[][] lines, List<MrzCorrection> corrections)
    {
        var value = Span(slice, lines);
        var digit = lines[checkDigit.Line][checkDigit.Start];
        var fixedDigit = Digit(digit);
        if (!char.IsAsciiDigit(fixedDigit) || CheckDigit.Verify(value, digit))
        {
            return;
        }

        Span<int> ambiguous = stackalloc int[value.Length];
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (Swap(value[i]) != value[i])
            {
                ambiguous[count++] = i;
            }
        }

        Span<char> candidate = stackalloc char[value.Length];
        var minimum = fixedDigit == digit ? 1 : 0;
        for (var changes = minimum; changes <= Math.Min(count, MaxChangesInMixedField); changes++)
        {
            var found = -1;
            var matches = 0;
            for (var mask = 0; mask < 1 << count; mask++)
            {
                if (System.Numerics.BitOperations.PopCount((uint)mask) != changes)
                {
                    continue;
                }

                Apply(value, ambiguous[..count], mask, candidate);
                if (CheckDigit.Verify(candidate, fixedDigit))
                {
                    found = mask;
                    matches++;
                }
            }

            if (matches > 1)
            {
                return;
            }

            if (matches == 1)
            {
                Apply(value, ambiguous[..count], found, candidate);
                var original = value.ToArray();
                for (var i = 0; i < candidate.Length; i++)
                {
                    if (candidate[i] != original[i])
                    {
                        Change(lines, slice.Line, slice.Start + i, candidate[i], field, corrections);
                    }
                }

                if (fixedDigit != digit)
                {
                    Change(lines, checkDigit.Line, checkDigit.Start, fixedDigit, field, corrections);
                }

                return;
            }
        }
    }

    private static void Apply(ReadOnlySpan<char> value, ReadOnlySpan<int> ambiguous, int mask, Span<char> candidate)
    {
        value.CopyTo(candidate);
        for (var bit = 0; bit < ambiguous.Length; bit++)
        {
            if ((mask & (1 << bit)) != 0)
            {
                candidate[ambiguous[bit]] = Swap(value[ambiguous[bit]]);
            }
        }
    }

    private static void Change(char[][] lines, int line, int position, char to, string field, List<MrzCorrection> corrections)
    {
        corrections.Add(new MrzCorrection(field, line + 1, position, lines[line][position], to));
        lines[line][position] = to;
    }

    private static ReadOnlySpan<char> Span(MrzSlice slice, char[][] lines) => lines[slice.Line].AsSpan(slice.Start, slice.Length);

    private static ReadOnlySpan<char> Line(char[][] lines, int index) => index < lines.Length ? lines[index] : [];

    private static char Digit(char c) => c switch
    {
        'O' => '0',
        'I' => '1',
        'Z' => '2',
        'S' => '5',
        'B' => '8',
        _ => c,
    };

    private static char Letter(char c) => c switch
    {
        '0' => 'O',
        '1' => 'I',
        '2' => 'Z',
        '5' => 'S',
        '8' => 'B',
        _ => c,
    };

    private static char Swap(char c)
    {
        var digit = Digit(c);
        return digit != c ? digit : Letter(c);
    }
}
