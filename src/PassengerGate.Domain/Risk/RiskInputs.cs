namespace PassengerGate.Domain.Risk;

/// <summary>
/// What one arrival's risk check reads besides the traveller: the rules in force (null when none were ever set),
/// the watchlist entries in force, the APIS manifest of the traveller's flight and date, and the selection seed in
/// force (null when none is).
/// </summary>
public sealed record RiskInputs(
    RiskRuleSet? RuleSet,
    IReadOnlyList<WatchlistEntry> Watchlist,
    IReadOnlyList<AdvancePassengerRecord> Manifest,
    SelectionSeed? Seed);
