namespace PassengerGate.Domain.Risk;

/// <summary>The rules that fired, and the ids of every rule that was in force and evaluated (for the audit trail).</summary>
public sealed record RiskScreenResult(IReadOnlyList<RiskHit> Hits, IReadOnlyList<string> RulesEvaluated)
{
    /// <summary>The hits as <c>GateChecks.RiskHits</c> takes them.</summary>
    public IReadOnlyList<string> HitNames => Hits.Select(h => h.ToString()).ToList();
}
