namespace PassengerGate.Domain.Risk;

/// <summary>The outcome of reading a watchlist CSV: every entry when all lines are valid, else the errors and no entries.</summary>
public sealed record WatchlistImport(IReadOnlyList<WatchlistEntry> Entries, IReadOnlyList<CsvError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
