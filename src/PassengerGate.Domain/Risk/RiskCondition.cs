namespace PassengerGate.Domain.Risk;

/// <summary>
/// A rule's condition: its kind and the lists that kind reads. Flights are canonical
/// (<see cref="FlightNumber.Normalise"/>), embarkation points and nationalities upper case.
/// </summary>
public sealed record RiskCondition
{
    public required RiskRuleKind Kind { get; init; }

    public IReadOnlyList<string> Flights { get; init; } = [];

    /// <summary>IATA airport codes or names as travellers write them on C5360's "point of embarkation".</summary>
    public IReadOnlyList<string> EmbarkationPoints { get; init; } = [];

    /// <summary>ICAO alpha-3.</summary>
    public IReadOnlyList<string> Nationalities { get; init; } = [];

    /// <summary>
    /// For <see cref="RiskRuleKind.NoApisRecord"/>: when false (the default), a flight with no manifest loaded at all
    /// raises nothing, so a carrier's late upload does not send a whole aircraft to the counters; when true it does.
    /// </summary>
    public bool RequireManifest { get; init; }
}
