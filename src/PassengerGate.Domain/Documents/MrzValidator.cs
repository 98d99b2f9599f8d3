using System.Buffers;

namespace PassengerGate.Domain.Documents;

/// <summary>
/// Checks an MRZ without building strings: every check digit (composite included), the alphabet of each field,
/// the date syntax and the sex code. This is the hot path a kiosk runs on every OCR frame, so it allocates nothing;
/// <see cref="MrzParser"/> uses it and then reads the fields out.
/// </summary>
public static class MrzValidator
{
    private static readonly SearchValues<char> Alphabet = SearchValues.Create("0123456789<ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    public static MrzValidation Validate(ReadOnlySpan<char> line1, ReadOnlySpan<char> line2) =>
        Validate(2, line1, line2, []);

    public static MrzValidation Validate(ReadOnlySpan<char> line1, ReadOnlySpan<char> line2, ReadOnlySpan<char> line3) =>
        Validate(3, line1, line2, line3);

    private static MrzValidation Validate(int count, ReadOnlySpan<char> line1, ReadOnlySpan<char> line2, ReadOnlySpan<char> line3)
    {
        var layout = MrzLayout.Detect(count, line1.Length, line1.IsEmpty ? '\0' : line1[0]);
        if (layout is null)
        {
            return new MrzValidation(MrzFormat.Unknown, MrzProblems.LineLength);
        }

        if (line2.Length != layout.LineLength || (count == 3 && line3.Length != layout.LineLength))
        {
            return new MrzValidation(layout.Format, MrzProblems.LineLength);
        }

        if (!InAlphabet(line1) || !InAlphabet(line2) || !InAlphabet(line3))
        {
            return new MrzValidation(layout.Format, MrzProblems.Characters);
        }

        return new MrzValidation(layout.Format, Check(layout, line1, line2, line3));
    }

    internal static bool InAlphabet(ReadOnlySpan<char> line) => !line.ContainsAnyExcept(Alphabet);

    /// <summary>Checks the fields of lines already known to have the layout's shape and alphabet.</summary>
    internal static MrzProblems Check(MrzLayout layout, ReadOnlySpan<char> line1, ReadOnlySpan<char> line2, ReadOnlySpan<char> line3)
    {
        var problems = MrzProblems.None;
        var code = Slice(layout.DocumentCode, line1, line2, line3);
        if (!IsDocumentCode(layout.Format, code))
        {
            problems |= MrzProblems.DocumentCode;
        }

        if (!IsStateCode(Slice(layout.IssuingState, line1, line2, line3)))
        {
            problems |= MrzProblems.IssuingState;
        }

        if (!IsStateCode(Slice(layout.Nationality, line1, line2, line3)))
        {
            problems |= MrzProblems.Nationality;
        }

        if (!IsAlpha(Slice(layout.Name, line1, line2, line3)))
        {
            problems |= MrzProblems.Name;
        }

        if (!DocumentNumberChecks(layout, line1, line2, line3))
        {
            problems |= MrzProblems.DocumentNumberCheckDigit;
        }

        problems |= CheckDate(
            Slice(layout.DateOfBirth, line1, line2, line3),
            Slice(layout.DateOfBirthCheckDigit, line1, line2, line3)[0],
            MrzProblems.DateOfBirth,
            MrzProblems.DateOfBirthCheckDigit);
        problems |= CheckDate(
            Slice(layout.ExpiryDate, line1, line2, line3),
            Slice(layout.ExpiryDateCheckDigit, line1, line2, line3)[0],
            MrzProblems.ExpiryDate,
            MrzProblems.ExpiryDateCheckDigit);

        // Doc 9303 Part 4 §4.2.2: F, M or '<' (unspecified). 'X' is printed by some states for non-binary holders
        // and accepted by other readers (tech.md §1.1, unconfirmed against ICAO), so it is accepted too.
        if (Slice(layout.Sex, line1, line2, line3)[0] is not ('M' or 'F' or '<' or 'X'))
        {
            problems |= MrzProblems.Sex;
        }

        if (!layout.OptionalDataCheckDigit.IsNone
            && !OptionalDataChecks(Slice(layout.OptionalData, line1, line2, line3), Slice(layout.OptionalDataCheckDigit, line1, line2, line3)[0]))
        {
            problems |= MrzProblems.OptionalDataCheckDigit;
        }

        if (!layout.CompositeCheckDigit.IsNone
            && ComputeComposite(layout, line1, line2, line3) != Slice(layout.CompositeCheckDigit, line1, line2, line3)[0] - '0')
        {
            problems |= MrzProblems.CompositeCheckDigit;
        }

        return problems;
    }

    internal static ReadOnlySpan<char> Slice(MrzSlice slice, ReadOnlySpan<char> line1, ReadOnlySpan<char> line2, ReadOnlySpan<char> line3) =>
        slice.Line switch
        {
            0 => line1.Slice(slice.Start, slice.Length),
            1 => line2.Slice(slice.Start, slice.Length),
            _ => line3.Slice(slice.Start, slice.Length),
        };

    internal static int ComputeComposite(MrzLayout layout, ReadOnlySpan<char> line1, ReadOnlySpan<char> line2, ReadOnlySpan<char> line3)
    {
        var sum = 0;
        var position = 0;
        foreach (var range in layout.CompositeRanges)
        {
            if (!CheckDigit.Accumulate(Slice(range, line1, line2, line3), ref sum, ref position))
            {
                return -1;
            }
        }

        return sum % 10;
    }

    /// <summary>The optional-data check digit may be printed as '&lt;' where it is 0: German and Austrian passports
    /// do so for empty optional data, and JMRTD's MRZInfoTest accepts the filler for a personal number whose digit is 0
    /// (tech.md §1.4). The composite counts that '&lt;' as 0 either way.</summary>
    internal static bool OptionalDataChecks(ReadOnlySpan<char> optional, char digit) =>
        digit == '<' ? CheckDigit.Compute(optional) == 0 : CheckDigit.Verify(optional, digit);

    /// <summary>
    /// The number's own check digit, or for a long TD1/TD2 number ('&lt;' in the check-digit position) the digit
    /// that ends its continuation in the optional data. Implementations disagree on what that digit covers
    /// (tech.md §1.4): the full number (mrz-java#33, and what reproduces the ICAO Part 11 D.2 BAC key), or the
    /// first 9 characters, the '&lt;' and the continuation (cheminfo/mrz). Both are accepted.
    /// </summary>
    internal static bool DocumentNumberChecks(MrzLayout layout, ReadOnlySpan<char> line1, ReadOnlySpan<char> line2, ReadOnlySpan<char> line3)
    {
        var number = Slice(layout.DocumentNumber, line1, line2, line3);
        var digit = Slice(layout.DocumentNumberCheckDigit, line1, line2, line3)[0];
        if (!layout.AllowsLongDocumentNumber || digit != '<')
        {
            return CheckDigit.Verify(number, digit);
        }

        var optional = Slice(layout.OptionalData, line1, line2, line3);
        var run = LongNumberRun(optional);
        if (run < 2 || !char.IsAsciiDigit(optional[run - 1]))
        {
            return false;
        }

        var continuation = optional[..(run - 1)];
        var expected = optional[run - 1] - '0';
        var sum = 0;
        var position = 0;
        CheckDigit.Accumulate(number, ref sum, ref position);
        CheckDigit.Accumulate(continuation, ref sum, ref position);
        if (sum % 10 == expected)
        {
            return true;
        }

        var withFiller = Slice(new MrzSlice(layout.DocumentNumber.Line, layout.DocumentNumber.Start, 10), line1, line2, line3);
        sum = 0;
        position = 0;
        CheckDigit.Accumulate(withFiller, ref sum, ref position);
        CheckDigit.Accumulate(continuation, ref sum, ref position);
        return sum % 10 == expected;
    }

    /// <summary>Length of the continuation-plus-check-digit run at the start of the optional data.</summary>
    internal static int LongNumberRun(ReadOnlySpan<char> optional)
    {
        var run = optional.IndexOf('<');
        return run < 0 ? optional.Length : run;
    }

    private static MrzProblems CheckDate(ReadOnlySpan<char> date, char digit, MrzProblems badDate, MrzProblems badDigit)
    {
        var problems = MrzDates.Classify(date) == MrzDateSyntax.Invalid ? badDate : MrzProblems.None;
        return CheckDigit.Verify(date, digit) ? problems : problems | badDigit;
    }

    /// <summary>P for passports (Part 4), A, C or I for cards (Parts 5-6), V for visas (Part 7); the second
    /// character is a letter the state chooses, or a filler.</summary>
    private static bool IsDocumentCode(MrzFormat format, ReadOnlySpan<char> code)
    {
        var first = code[0];
        var firstOk = format switch
        {
            MrzFormat.Td3 => first == 'P',
            MrzFormat.Td1 or MrzFormat.Td2 => first is 'A' or 'C' or 'I',
            _ => first == 'V',
        };
        return firstOk && code[1] is '<' or (>= 'A' and <= 'Z');
    }

    /// <summary>A three-letter code, or a shorter one padded with fillers (Germany is "D&lt;&lt;").</summary>
    private static bool IsStateCode(ReadOnlySpan<char> code)
    {
        var padding = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '<' && i > 0)
            {
                padding = true;
            }
            else if (padding || c is < 'A' or > 'Z')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAlpha(ReadOnlySpan<char> field) => !field.ContainsAny(Digits);
}
