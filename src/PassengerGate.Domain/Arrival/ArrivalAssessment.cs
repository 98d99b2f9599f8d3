using PassengerGate.Domain.Currency;
using PassengerGate.Domain.Risk;

namespace PassengerGate.Domain.Arrival;

/// <summary>
/// The declaration-side result: every goods line with its allowance, duty and reason, the yen totals,
/// and the reasons this declaration alone sends the traveller to an officer (empty = nothing to stop a green lane).
/// </summary>
public sealed record ArrivalAssessment
{
    public required DateOnly AsOf { get; init; }

    /// <summary>Age on the arrival date (allowances for alcohol and tobacco start at 20; under 6, only children's items).</summary>
    public required int AgeOnArrival { get; init; }

    public required IReadOnlyList<AssessedLine> Lines { get; init; }

    public Money TotalDuty { get; init; } = Money.Yen(0m);

    public decimal OtherGoodsAllowanceUsedYen { get; init; }

    public bool OverAllowance { get; init; }

    public required IReadOnlyList<ReferralReason> Reasons { get; init; }

    /// <summary>The dated rules applied, as "id (source)".</summary>
    public required IReadOnlyList<string> RulesApplied { get; init; }

    /// <summary>True when some part could not be assessed (missing rule or rate): never treat as green.</summary>
    public bool Incomplete { get; init; }
}
