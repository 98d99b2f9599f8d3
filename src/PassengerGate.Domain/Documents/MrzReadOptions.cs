namespace PassengerGate.Domain.Documents;

/// <summary>How forgiving <see cref="MrzParser"/> is with what an OCR engine produced.</summary>
public sealed record MrzReadOptions
{
    public static MrzReadOptions Strict { get; } = new();

    public static MrzReadOptions OcrTolerant { get; } = new() { RepairOcr = true };

    /// <summary>
    /// Undo the OCR-B confusions O/0, I/1, S/5, B/8 and Z/2 by field type: digits in date and check-digit positions,
    /// letters in codes and names, and in mixed fields only where the field's check digit then passes
    /// (the confusion list is cheminfo/mrz's autocorrect, tech.md §1.4). Every change is listed in
    /// <see cref="MrzResult.Corrections"/>.
    /// </summary>
    public bool RepairOcr { get; init; }
}
