namespace PassengerGate.Domain.Risk;

/// <summary>
/// The rules in force together, and the share of travellers picked at random for inspection
/// (<see cref="RandomSelectionRate"/>, 0 to 1; DOMAIN.md §1 "Lane decision": random selection is one of the reasons).
/// </summary>
public sealed record RiskRuleSet(IReadOnlyList<RiskRule> Rules, double RandomSelectionRate)
{
    public static RiskRuleSet Empty { get; } = new([], 0);
}
