namespace PassengerGate.Domain.Documents;

/// <summary>What an MRZ says, and everything wrong with it. Never thrown: errors are listed.</summary>
public sealed record MrzResult
{
    public required string Format { get; init; }
    public string DocumentCode { get; init; } = "";
    public string IssuingState { get; init; } = "";
    public string DocumentNumber { get; init; } = "";
    public string Nationality { get; init; } = "";
    public string Surname { get; init; } = "";
    public string GivenNames { get; init; } = "";
    public DateOnly? DateOfBirth { get; init; }
    public string Sex { get; init; } = "";
    public DateOnly? ExpiryDate { get; init; }
    public string OptionalData { get; init; } = "";
    public IReadOnlyList<MrzError> Errors { get; init; } = [];
    public bool IsValid => Errors.Count == 0;
}
