namespace PassengerGate.Domain.Currency;

/// <summary>One problem in an imported rate table, by line number (1 = the header).</summary>
public sealed record RateTableError(int Line, string Message);
