using System.Globalization;

namespace PassengerGate.Domain.Documents;

/// <summary>
/// Reads an ICAO Doc 9303 machine-readable zone: TD1, TD2, TD3, MRV-A and MRV-B. Never throws on bad input;
/// a result that is not <see cref="MrzResult.IsReadable"/> could not be read as an MRZ at all.
/// </summary>
public static class MrzParser
{
    private static readonly string[] SingleLetters = CreateSingleLetters();

    public static MrzResult Parse(IReadOnlyList<string> lines, DateOnly today) => Parse(lines, today, MrzReadOptions.Strict);

    public static MrzResult Parse(IReadOnlyList<string> lines, DateOnly today, MrzReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (lines is null || lines.Count is not (2 or 3))
        {
            return Unreadable("UNKNOWN", new MrzError("lines", $"expected 2 lines (TD2, TD3, MRV) or 3 lines (TD1), got {lines?.Count ?? 0}"));
        }

        var line1 = lines[0] ?? "";
        var layout = MrzLayout.Detect(lines.Count, line1.Length, line1.Length > 0 ? line1[0] : '\0');
        var shapeErrors = ShapeErrors(lines, layout);
        if (shapeErrors is not null)
        {
            return Unreadable(layout?.FormatName ?? "UNKNOWN", [.. shapeErrors]);
        }

        var characterErrors = CharacterErrors(lines, layout!);
        if (characterErrors is not null)
        {
            return Unreadable(layout!.FormatName, [.. characterErrors]);
        }

        IReadOnlyList<string> read = lines;
        IReadOnlyList<MrzCorrection> corrections = [];
        if (options.RepairOcr)
        {
            (read, corrections) = Repair(lines, layout!);
        }

        return Read(layout!, read, corrections, today);
    }

    private static MrzResult Read(MrzLayout layout, IReadOnlyList<string> lines, IReadOnlyList<MrzCorrection> corrections, DateOnly today)
    {
        var l1 = lines[0].AsSpan();
        var l2 = lines[1].AsSpan();
        var l3 = lines.Count > 2 ? lines[2].AsSpan() : [];
        var problems = MrzValidator.Check(layout, l1, l2, l3);

        var dateOfBirthRaw = MrzValidator.Slice(layout.DateOfBirth, l1, l2, l3);
        var expiryRaw = MrzValidator.Slice(layout.ExpiryDate, l1, l2, l3);
        var dateOfBirth = MrzDates.ToDate(dateOfBirthRaw, today, isExpiry: false);
        var expiry = MrzDates.ToDate(expiryRaw, today, isExpiry: true);
        List<MrzError>? errors = null;
        if (problems != MrzProblems.None)
        {
            errors = Describe(layout, problems, l1, l2, l3);
        }

        // A syntactically possible 29 February that the century rule put in a common year.
        if (dateOfBirth is null && MrzDates.Classify(dateOfBirthRaw) == MrzDateSyntax.Valid)
        {
            (errors ??= []).Add(new MrzError("dateOfBirth", $"'{dateOfBirthRaw}' is not a day of the calendar"));
        }

        if (expiry is null && MrzDates.Classify(expiryRaw) == MrzDateSyntax.Valid)
        {
            (errors ??= []).Add(new MrzError("expiryDate", $"'{expiryRaw}' is not a day of the calendar"));
        }

        var name = MrzValidator.Slice(layout.Name, l1, l2, l3);
        var (surname, givenNames) = SplitName(name);
        var (documentNumber, optionalData) = DocumentNumberAndOptionalData(layout, l1, l2, l3);
        return new MrzResult
        {
            Format = layout.FormatName,
            Layout = layout.Format,
            DocumentCode = Text(MrzValidator.Slice(layout.DocumentCode, l1, l2, l3).TrimEnd('<')),
            IssuingState = Text(MrzValidator.Slice(layout.IssuingState, l1, l2, l3).TrimEnd('<')),
            DocumentNumber = documentNumber,
            Nationality = Text(MrzValidator.Slice(layout.Nationality, l1, l2, l3).TrimEnd('<')),
            Surname = surname,
            GivenNames = givenNames,
            NameMayBeTruncated = name[^1] != '<',
            DateOfBirth = dateOfBirth,
            DateOfBirthRaw = dateOfBirthRaw.ToString(),
            Sex = Text(MrzValidator.Slice(layout.Sex, l1, l2, l3)),
            ExpiryDate = expiry,
            ExpiryDateRaw = expiryRaw.ToString(),
            OptionalData = optionalData,
            OptionalData2 = layout.OptionalData2.IsNone ? "" : Text(MrzValidator.Slice(layout.OptionalData2, l1, l2, l3).TrimEnd('<')),
            Lines = lines,
            Corrections = corrections,
            Errors = errors ?? (IReadOnlyList<MrzError>)[],
        };
    }

    /// <summary>Names are PRIMARY&lt;&lt;SECONDARY&lt;NAMES padded with fillers (Doc 9303 Part 3 §4.6); either side may be empty
    /// ("&lt;&lt;FIRST" has no primary identifier, a name without "&lt;&lt;" is all primary, as in Malaysian passports).</summary>
    private static (string Surname, string GivenNames) SplitName(ReadOnlySpan<char> name)
    {
        name = name.TrimEnd('<');
        var split = name.IndexOf("<<", StringComparison.Ordinal);
        if (split < 0)
        {
            return (Words(name), "");
        }

        return (Words(name[..split]), Words(name[(split + 2)..]));
    }

    /// <summary>Each run of fillers between words becomes one space.</summary>
    private static string Words(ReadOnlySpan<char> part)
    {
        part = part.Trim('<');
        if (part.IsEmpty)
        {
            return "";
        }

        Span<char> buffer = stackalloc char[part.Length];
        var length = 0;
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] != '<')
            {
                buffer[length++] = part[i];
            }
            else if (buffer[length - 1] != ' ')
            {
                buffer[length++] = ' ';
            }
        }

        return new string(buffer[..length]);
    }

    private static (string Number, string Optional) DocumentNumberAndOptionalData(
        MrzLayout layout, ReadOnlySpan<char> l1, ReadOnlySpan<char> l2, ReadOnlySpan<char> l3)
    {
        var number = MrzValidator.Slice(layout.DocumentNumber, l1, l2, l3);
        var optional = MrzValidator.Slice(layout.OptionalData, l1, l2, l3);
        var digit = MrzValidator.Slice(layout.DocumentNumberCheckDigit, l1, l2, l3)[0];
        if (!layout.AllowsLongDocumentNumber || digit != '<')
        {
            return (Text(number.TrimEnd('<')), Text(optional.TrimEnd('<')));
        }

        // Long number: the continuation runs up to the first filler, and its last character is the check digit.
        var run = MrzValidator.LongNumberRun(optional);
        var continuation = run > 1 ? optional[..(run - 1)] : [];
        return (string.Concat(number, continuation), Text(optional[run..].Trim('<')));
    }

    private static List<MrzError> Describe(MrzLayout layout, MrzProblems problems, ReadOnlySpan<char> l1, ReadOnlySpan<char> l2, ReadOnlySpan<char> l3)
    {
        var errors = new List<MrzError>();
        string Raw(MrzSlice slice, ReadOnlySpan<char> a, ReadOnlySpan<char> b, ReadOnlySpan<char> c) => MrzValidator.Slice(slice, a, b, c).ToString();

        if (problems.HasFlag(MrzProblems.DocumentCode))
        {
            var expected = layout.Format switch
            {
                MrzFormat.Td3 => "P",
                MrzFormat.Td1 or MrzFormat.Td2 => "A, C or I",
                _ => "V",
            };
            errors.Add(new MrzError("documentCode", $"'{Raw(layout.DocumentCode, l1, l2, l3)}' is not a {layout.FormatName} document code (starts with {expected})"));
        }

        if (problems.HasFlag(MrzProblems.IssuingState))
        {
            errors.Add(new MrzError("issuingState", $"'{Raw(layout.IssuingState, l1, l2, l3)}' is not a state code of letters"));
        }

        if (problems.HasFlag(MrzProblems.Name))
        {
            errors.Add(new MrzError("name", "the name contains digits"));
        }

        if (problems.HasFlag(MrzProblems.DocumentNumberCheckDigit))
        {
            var digit = MrzValidator.Slice(layout.DocumentNumberCheckDigit, l1, l2, l3)[0];
            errors.Add(layout.AllowsLongDocumentNumber && digit == '<'
                ? new MrzError("documentNumber", "the check digit ending the long document number in the optional data does not match")
                : CheckDigitError("documentNumber", MrzValidator.Slice(layout.DocumentNumber, l1, l2, l3), digit));
        }

        if (problems.HasFlag(MrzProblems.Nationality))
        {
            errors.Add(new MrzError("nationality", $"'{Raw(layout.Nationality, l1, l2, l3)}' is not a state code of letters"));
        }

        if (problems.HasFlag(MrzProblems.DateOfBirth))
        {
            errors.Add(new MrzError("dateOfBirth", $"'{Raw(layout.DateOfBirth, l1, l2, l3)}' is not a date (YYMMDD)"));
        }

        if (problems.HasFlag(MrzProblems.DateOfBirthCheckDigit))
        {
            errors.Add(CheckDigitError("dateOfBirth", MrzValidator.Slice(layout.DateOfBirth, l1, l2, l3), MrzValidator.Slice(layout.DateOfBirthCheckDigit, l1, l2, l3)[0]));
        }

        if (problems.HasFlag(MrzProblems.Sex))
        {
            errors.Add(new MrzError("sex", $"'{Raw(layout.Sex, l1, l2, l3)}' is not F, M, X or <"));
        }

        if (problems.HasFlag(MrzProblems.ExpiryDate))
        {
            errors.Add(new MrzError("expiryDate", $"'{Raw(layout.ExpiryDate, l1, l2, l3)}' is not a date (YYMMDD)"));
        }

        if (problems.HasFlag(MrzProblems.ExpiryDateCheckDigit))
        {
            errors.Add(CheckDigitError("expiryDate", MrzValidator.Slice(layout.ExpiryDate, l1, l2, l3), MrzValidator.Slice(layout.ExpiryDateCheckDigit, l1, l2, l3)[0]));
        }

        if (problems.HasFlag(MrzProblems.OptionalDataCheckDigit))
        {
            errors.Add(CheckDigitError("optionalData", MrzValidator.Slice(layout.OptionalData, l1, l2, l3), MrzValidator.Slice(layout.OptionalDataCheckDigit, l1, l2, l3)[0]));
        }

        if (problems.HasFlag(MrzProblems.CompositeCheckDigit))
        {
            var digit = MrzValidator.Slice(layout.CompositeCheckDigit, l1, l2, l3)[0];
            var expected = MrzValidator.ComputeComposite(layout, l1, l2, l3);
            errors.Add(new MrzError("composite", $"composite check digit '{digit}' does not match; the fields give {expected}"));
        }

        return errors;
    }

    private static MrzError CheckDigitError(string field, ReadOnlySpan<char> value, char digit) =>
        new(field, $"check digit '{digit}' does not match '{value}', which gives {CheckDigit.Compute(value)}");

    private static List<MrzError>? ShapeErrors(IReadOnlyList<string> lines, MrzLayout? layout)
    {
        List<MrzError>? errors = null;
        var expected = layout?.LineLength ?? lines.Count switch
        {
            3 => 30,
            _ => (lines[0]?.Length ?? 0) is 36 or 44 ? lines[0].Length : 0,
        };
        for (var i = 0; i < lines.Count; i++)
        {
            var length = lines[i]?.Length ?? 0;
            if (length != expected)
            {
                var wanted = expected == 0 ? "36 or 44" : expected.ToString(CultureInfo.InvariantCulture);
                (errors ??= []).Add(new MrzError($"line{i + 1}", $"line {i + 1} has {length} characters; a {lines.Count}-line MRZ has {wanted}"));
            }
        }

        return errors;
    }

    private static List<MrzError>? CharacterErrors(IReadOnlyList<string> lines, MrzLayout layout)
    {
        List<MrzError>? errors = null;
        for (var line = 0; line < lines.Count; line++)
        {
            var text = lines[line];
            if (MrzValidator.InAlphabet(text))
            {
                continue;
            }

            for (var position = 0; position < text.Length; position++)
            {
                var c = text[position];
                if (CheckDigit.ValueOf(c) < 0)
                {
                    var shown = char.IsControl(c) || char.IsWhiteSpace(c)
                        ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}")
                        : c.ToString();
                    (errors ??= []).Add(new MrzError(
                        layout.FieldAt(line, position),
                        string.Create(CultureInfo.InvariantCulture, $"L{line + 1}[{position}]: '{shown}' is not an MRZ character (A-Z, 0-9, <)")));
                }
            }
        }

        return errors;
    }

    private static (IReadOnlyList<string> Lines, IReadOnlyList<MrzCorrection> Corrections) Repair(IReadOnlyList<string> lines, MrzLayout layout)
    {
        var buffers = new char[lines.Count][];
        for (var i = 0; i < lines.Count; i++)
        {
            buffers[i] = lines[i].ToCharArray();
        }

        var corrections = new List<MrzCorrection>();
        MrzOcrRepair.Repair(layout, buffers, corrections);
        if (corrections.Count == 0)
        {
            return (lines, []);
        }

        return (buffers.Select(b => new string(b)).ToArray(), corrections);
    }

    private static MrzResult Unreadable(string format, params MrzError[] errors) =>
        new() { Format = format, IsReadable = false, Errors = errors };

    /// <summary>Codes, sex and empty fields are mostly one letter or nothing: share those strings instead of allocating.</summary>
    private static string Text(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return "";
        }

        if (value.Length == 1 && value[0] is >= 'A' and <= 'Z' or '<')
        {
            return SingleLetters[value[0] == '<' ? 26 : value[0] - 'A'];
        }

        return value.ToString();
    }

    private static string[] CreateSingleLetters()
    {
        var letters = new string[27];
        for (var i = 0; i < 26; i++)
        {
            letters[i] = ((char)('A' + i)).ToString();
        }

        letters[26] = "<";
        return letters;
    }
}
