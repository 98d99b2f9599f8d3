namespace PassengerGate.Domain.Arrival;

/// <summary>The rules in force for one assessment date.</summary>
public sealed record ArrivalRules(
    AllowanceRule Allowance,
    TobaccoResidenceRule TobaccoResidence,
    SimplifiedRateTable Rates,
    CustomsValueRule CustomsValue)
{
    public IReadOnlyList<DatedRule> All => [Allowance, TobaccoResidence, Rates, CustomsValue];
}
