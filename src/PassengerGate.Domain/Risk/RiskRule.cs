namespace PassengerGate.Domain.Risk;

/// <summary>
/// One risk rule as data: a stable id, the sentence an officer reads when it fires, its condition, whether it is
/// switched on, the dates it is in force (inclusive; open-ended when <see cref="ValidTo"/> is null) and where it
/// came from (CONVENTIONS.md: rules are data with an effective date range and a cited source).
/// </summary>
public sealed record RiskRule
{
    public required string Id { get; init; }

    public required string Reason { get; init; }

    public required RiskCondition Condition { get; init; }

    public bool Enabled { get; init; } = true;

    public required DateOnly ValidFrom { get; init; }

    public DateOnly? ValidTo { get; init; }

    public required string Source { get; init; }

    public bool IsInForce(DateOnly asOf) => Enabled && asOf >= ValidFrom && (ValidTo is null || asOf <= ValidTo.Value);
}
