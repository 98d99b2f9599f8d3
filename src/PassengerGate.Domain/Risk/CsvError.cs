namespace PassengerGate.Domain.Risk;

/// <summary>One problem in an imported CSV file, by line number (1 = the header; 0 = the file as a whole).</summary>
public sealed record CsvError(int Line, string Message);
