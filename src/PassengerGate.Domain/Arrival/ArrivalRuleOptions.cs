namespace PassengerGate.Domain.Arrival;

/// <summary>
/// Operator configuration: pick a rule by id instead of by date, for the values DOMAIN.md marks as
/// unconfirmed (which simplified table is in force; whether non-residents get double tobacco).
/// </summary>
public sealed record ArrivalRuleOptions(string? SimplifiedRateTableId = null, string? TobaccoResidenceRuleId = null);
