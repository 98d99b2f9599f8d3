namespace PassengerGate.Domain.Arrival;

/// <summary>
/// Customs value of personal goods as a share of the overseas retail price (DOMAIN.md §1 "Dutiable
/// value": wholesale basis, in practice 60 %; the figure comes from secondary sources).
/// </summary>
public sealed record CustomsValueRule : DatedRule
{
    public required decimal FactorOfRetail { get; init; }
}
