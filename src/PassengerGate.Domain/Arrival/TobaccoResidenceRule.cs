namespace PassengerGate.Domain.Arrival;

/// <summary>
/// Whether non-residents get more tobacco (DOMAIN.md §1 "Tobacco for non-residents": an older customs
/// FAQ doubles it; secondary sources say the distinction ended in 2018). Both are kept; which applies
/// is picked by date or by <see cref="ArrivalRuleOptions.TobaccoResidenceRuleId"/>.
/// </summary>
public sealed record TobaccoResidenceRule : DatedRule
{
    public required int NonResidentMultiplier { get; init; }
}
