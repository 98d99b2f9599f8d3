namespace PassengerGate.Domain.Risk;

/// <summary>The outcome of reading a rules document: the rule set when it is valid, else every error.</summary>
public sealed record RiskRulesRead(RiskRuleSet? RuleSet, IReadOnlyList<RuleSetError> Errors)
{
    public bool IsValid => RuleSet is not null;
}
