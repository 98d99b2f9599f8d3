using PassengerGate.Domain.Arrival;

namespace PassengerGate.Domain.Risk;

/// <summary>
/// The risk part of one arrival: the screen result and the selection draw, each null when it could not be made
/// (no rules set, no seed in force). Null reaches <see cref="LaneDecision"/> as "check not reported", which is red
/// (DOMAIN.md §1 "Never fail open").
/// </summary>
public sealed record ArrivalRiskOutcome(RiskScreenResult? Screen, SelectionDraw? Draw)
{
    /// <summary>The kiosk's checks with the risk hits and the random selection filled in.</summary>
    public GateChecks ApplyTo(GateChecks checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        return checks with { RiskHits = Screen?.HitNames, RandomlySelected = Draw?.Selected };
    }
}
