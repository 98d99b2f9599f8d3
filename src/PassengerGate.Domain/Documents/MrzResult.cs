namespace PassengerGate.Domain.Documents;

/// <summary>What an MRZ says, and everything wrong with it. Never thrown: errors are listed.</summary>
public sealed record MrzResult
{
    /// <summary>"TD1", "TD2", "TD3", "MRVA", "MRVB", or "UNKNOWN" when the shape matches no layout.</summary>
    public required string Format { get; init; }

    public MrzFormat Layout { get; init; }

    /// <summary>False when the lines cannot be read as an MRZ at all (line count, length or alphabet);
    /// true when the fields were read, whether or not they are valid.</summary>
    public bool IsReadable { get; init; } = true;

    public string DocumentCode { get; init; } = "";

    /// <summary>The code as printed, fillers trimmed: "D" for Germany, "UTO" for the ICAO specimen state.</summary>
    public string IssuingState { get; init; } = "";

    public string IssuingStateAlpha3 => IcaoCountry.ToAlpha3(IssuingState);

    /// <summary>The whole number, including a TD1/TD2 continuation kept in the optional data.</summary>
    public string DocumentNumber { get; init; } = "";

    public string Nationality { get; init; } = "";

    public string NationalityAlpha3 => IcaoCountry.ToAlpha3(Nationality);

    /// <summary>The primary identifier (before "&lt;&lt;"), fillers as spaces. Empty when the name starts with "&lt;&lt;".</summary>
    public string Surname { get; init; } = "";

    /// <summary>The secondary identifier (after "&lt;&lt;"), fillers as spaces.</summary>
    public string GivenNames { get; init; } = "";

    /// <summary>The name fills its field to the last position, so ICAO truncation (Part 3 §4.6) may have cut it.</summary>
    public bool NameMayBeTruncated { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    /// <summary>YYMMDD as printed, kept even when a part is unknown ("&lt;&lt;" or "00").</summary>
    public string DateOfBirthRaw { get; init; } = "";

    /// <summary>"M", "F", "X" or "&lt;" (unspecified).</summary>
    public string Sex { get; init; } = "";

    public DateOnly? ExpiryDate { get; init; }

    public string ExpiryDateRaw { get; init; } = "";

    public string OptionalData { get; init; } = "";

    /// <summary>TD1 only: the optional data of line 2.</summary>
    public string OptionalData2 { get; init; } = "";

    /// <summary>The lines as read, after any OCR repair.</summary>
    public IReadOnlyList<string> Lines { get; init; } = [];

    public IReadOnlyList<MrzCorrection> Corrections { get; init; } = [];

    public IReadOnlyList<MrzError> Errors { get; init; } = [];

    public bool IsValid => IsReadable && Errors.Count == 0;
}
