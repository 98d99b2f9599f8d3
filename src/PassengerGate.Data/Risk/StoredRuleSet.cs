using PassengerGate.Domain.Risk;

namespace PassengerGate.Data.Risk;

/// <summary>A saved rules document: its version (the highest is in force), when it was saved, and the rules.</summary>
public sealed record StoredRuleSet(int Version, DateTimeOffset SavedAt, RiskRuleSet RuleSet);
