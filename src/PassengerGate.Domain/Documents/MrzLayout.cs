namespace PassengerGate.Domain.Documents;

/// <summary>
/// Where each field sits in one MRZ layout. Slices follow Doc 9303 Part 4 §4.2.2 (TD3), Part 5 §4.2.2 (TD1),
/// Part 6 §4.2.2 (TD2) and Part 7 §4.2.2 (MRV-A/B), as tabulated and re-checked in tech.md §1.1.
/// </summary>
internal sealed class MrzLayout
{
    public static MrzLayout Td1 { get; } = new()
    {
        Format = MrzFormat.Td1,
        LineCount = 3,
        LineLength = 30,
        DocumentNumber = new(0, 5, 9),
        DocumentNumberCheckDigit = new(0, 14, 1),
        OptionalData = new(0, 15, 15),
        DateOfBirth = new(1, 0, 6),
        DateOfBirthCheckDigit = new(1, 6, 1),
        Sex = new(1, 7, 1),
        ExpiryDate = new(1, 8, 6),
        ExpiryDateCheckDigit = new(1, 14, 1),
        Nationality = new(1, 15, 3),
        OptionalData2 = new(1, 18, 11),
        OptionalDataCheckDigit = default,
        CompositeCheckDigit = new(1, 29, 1),
        CompositeRanges = [new(0, 5, 25), new(1, 0, 7), new(1, 8, 7), new(1, 18, 11)],
        Name = new(2, 0, 30),
        AllowsLongDocumentNumber = true,
    };

    public static MrzLayout Td2 { get; } = TwoLine(MrzFormat.Td2, 36, optionalLength: 7, optionalCheckDigit: false, composite: true, longNumber: true);

    public static MrzLayout Td3 { get; } = TwoLine(MrzFormat.Td3, 44, optionalLength: 14, optionalCheckDigit: true, composite: true, longNumber: false);

    public static MrzLayout MrvA { get; } = TwoLine(MrzFormat.MrvA, 44, optionalLength: 16, optionalCheckDigit: false, composite: false, longNumber: false);

    public static MrzLayout MrvB { get; } = TwoLine(MrzFormat.MrvB, 36, optionalLength: 8, optionalCheckDigit: false, composite: false, longNumber: false);

    public required MrzFormat Format { get; init; }

    public required int LineCount { get; init; }

    public required int LineLength { get; init; }

    public MrzSlice DocumentCode { get; } = new(0, 0, 2);

    public MrzSlice IssuingState { get; } = new(0, 2, 3);

    public required MrzSlice Name { get; init; }

    public required MrzSlice DocumentNumber { get; init; }

    public required MrzSlice DocumentNumberCheckDigit { get; init; }

    public required MrzSlice Nationality { get; init; }

    public required MrzSlice DateOfBirth { get; init; }

    public required MrzSlice DateOfBirthCheckDigit { get; init; }

    public required MrzSlice Sex { get; init; }

    public required MrzSlice ExpiryDate { get; init; }

    public required MrzSlice ExpiryDateCheckDigit { get; init; }

    public required MrzSlice OptionalData { get; init; }

    public MrzSlice OptionalData2 { get; init; }

    public required MrzSlice OptionalDataCheckDigit { get; init; }

    public required MrzSlice CompositeCheckDigit { get; init; }

    public required MrzSlice[] CompositeRanges { get; init; }

    /// <summary>TD1 and TD2 may carry a document number longer than 9 characters: the check-digit position
    /// holds '&lt;' and the number continues in the optional data, followed by its check digit (Part 5 §4.2.4, Part 6 §4.2.4).</summary>
    public required bool AllowsLongDocumentNumber { get; init; }

    public bool IsVisa => Format is MrzFormat.MrvA or MrzFormat.MrvB;

    public string FormatName => NameOf(Format);

    public static string NameOf(MrzFormat format) => format switch
    {
        MrzFormat.Td1 => "TD1",
        MrzFormat.Td2 => "TD2",
        MrzFormat.Td3 => "TD3",
        MrzFormat.MrvA => "MRVA",
        MrzFormat.MrvB => "MRVB",
        _ => "UNKNOWN",
    };

    /// <summary>Picks the layout from the line count, the line length and, for 2-line zones, the document code:
    /// visas start with V (Part 7 §4.2.2), everything else of that size is TD2/TD3.</summary>
    public static MrzLayout? Detect(int lineCount, int length, char firstCharacter) => (lineCount, length) switch
    {
        (3, 30) => Td1,
        (2, 36) => firstCharacter == 'V' ? MrvB : Td2,
        (2, 44) => firstCharacter == 'V' ? MrvA : Td3,
        _ => null,
    };

    /// <summary>Names the field a position belongs to, for errors about single characters.</summary>
    public string FieldAt(int line, int position)
    {
        if (DocumentCode.Contains(line, position))
        {
            return "documentCode";
        }

        if (IssuingState.Contains(line, position))
        {
            return "issuingState";
        }

        if (Name.Contains(line, position))
        {
            return "name";
        }

        if (DocumentNumber.Contains(line, position) || DocumentNumberCheckDigit.Contains(line, position))
        {
            return "documentNumber";
        }

        if (Nationality.Contains(line, position))
        {
            return "nationality";
        }

        if (DateOfBirth.Contains(line, position) || DateOfBirthCheckDigit.Contains(line, position))
        {
            return "dateOfBirth";
        }

        if (Sex.Contains(line, position))
        {
            return "sex";
        }

        if (ExpiryDate.Contains(line, position) || ExpiryDateCheckDigit.Contains(line, position))
        {
            return "expiryDate";
        }

        if (OptionalData.Contains(line, position) || OptionalData2.Contains(line, position) || OptionalDataCheckDigit.Contains(line, position))
        {
            return "optionalData";
        }

        return CompositeCheckDigit.Contains(line, position) ? "composite" : "filler";
    }

    private static MrzLayout TwoLine(MrzFormat format, int length, int optionalLength, bool optionalCheckDigit, bool composite, bool longNumber)
    {
        var optionalEnd = 28 + optionalLength;
        return new MrzLayout
        {
            Format = format,
            LineCount = 2,
            LineLength = length,
            Name = new(0, 5, length - 5),
            DocumentNumber = new(1, 0, 9),
            DocumentNumberCheckDigit = new(1, 9, 1),
            Nationality = new(1, 10, 3),
            DateOfBirth = new(1, 13, 6),
            DateOfBirthCheckDigit = new(1, 19, 1),
            Sex = new(1, 20, 1),
            ExpiryDate = new(1, 21, 6),
            ExpiryDateCheckDigit = new(1, 27, 1),
            OptionalData = new(1, 28, optionalLength),
            OptionalDataCheckDigit = optionalCheckDigit ? new(1, optionalEnd, 1) : default,
            CompositeCheckDigit = composite ? new(1, length - 1, 1) : default,
            CompositeRanges = composite ? [new(1, 0, 10), new(1, 13, 7), new(1, 21, length - 1 - 21)] : [],
            AllowsLongDocumentNumber = longNumber,
        };
    }
}
