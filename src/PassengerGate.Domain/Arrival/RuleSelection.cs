namespace PassengerGate.Domain.Arrival;

/// <summary>The rules in force on a date, or the reasons none could be chosen.</summary>
public sealed record RuleSelection(ArrivalRules? Rules, IReadOnlyList<string> Errors);
