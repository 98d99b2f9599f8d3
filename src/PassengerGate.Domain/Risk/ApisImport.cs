namespace PassengerGate.Domain.Risk;

/// <summary>The outcome of reading an APIS CSV: every record when all lines are valid, else the errors and no records.</summary>
public sealed record ApisImport(IReadOnlyList<AdvancePassengerRecord> Records, IReadOnlyList<CsvError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
