namespace PassengerGate.Domain.Documents;

/// <summary>What the allocation-free <see cref="MrzValidator"/> found wrong, one flag per kind of problem.</summary>
[Flags]
public enum MrzProblems
{
    None = 0,
    LineCount = 1 << 0,
    LineLength = 1 << 1,
    Characters = 1 << 2,
    DocumentCode = 1 << 3,
    IssuingState = 1 << 4,
    Name = 1 << 5,
    DocumentNumberCheckDigit = 1 << 6,
    Nationality = 1 << 7,
    DateOfBirth = 1 << 8,
    DateOfBirthCheckDigit = 1 << 9,
    Sex = 1 << 10,
    ExpiryDate = 1 << 11,
    ExpiryDateCheckDigit = 1 << 12,
    OptionalDataCheckDigit = 1 << 13,
    CompositeCheckDigit = 1 << 14,

    /// <summary>The lines cannot be read as an MRZ at all (shape or alphabet), as opposed to read but invalid.</summary>
    Unreadable = LineCount | LineLength | Characters,
}
