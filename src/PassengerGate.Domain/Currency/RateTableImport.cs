namespace PassengerGate.Domain.Currency;

/// <summary>The outcome of reading a rate table: the table when every line is valid, else the errors.</summary>
public sealed record RateTableImport(CustomsRateTable? Table, IReadOnlyList<RateTableError> Errors)
{
    public bool Succeeded => Table is not null;
}
