namespace PassengerGate.Data.Risk;

/// <summary>What an idempotent import did: rows added, rows whose values changed, rows already there as given.</summary>
public sealed record ImportCounts(int Added, int Changed, int Unchanged);
