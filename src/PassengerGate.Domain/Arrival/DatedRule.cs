namespace PassengerGate.Domain.Arrival;

/// <summary>
/// A rule value in force from <see cref="ValidFrom"/> to <see cref="ValidTo"/> inclusive (null = open),
/// with the source it came from; <see cref="Confirmed"/> false marks values DOMAIN.md calls unconfirmed.
/// </summary>
public abstract record DatedRule
{
    public required string Id { get; init; }

    public DateOnly? ValidFrom { get; init; }

    public DateOnly? ValidTo { get; init; }

    public required string Source { get; init; }

    public bool Confirmed { get; init; }

    public bool Covers(DateOnly date) => (ValidFrom is null || date >= ValidFrom) && (ValidTo is null || date <= ValidTo);
}
