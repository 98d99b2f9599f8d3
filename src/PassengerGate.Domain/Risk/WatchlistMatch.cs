namespace PassengerGate.Domain.Risk;

/// <summary>An entry that matched the traveller, and on what.</summary>
public sealed record WatchlistMatch(WatchlistEntry Entry, WatchlistMatchKind MatchedOn);
