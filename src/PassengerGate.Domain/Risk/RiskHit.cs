namespace PassengerGate.Domain.Risk;

/// <summary>A rule that fired: its id, its reason, and what in particular (the watchlist entry's reason and source).</summary>
public sealed record RiskHit(string RuleId, string Reason, string? Detail = null)
{
    /// <summary>The line an officer reads, as <c>GateChecks.RiskHits</c> carries it.</summary>
    public override string ToString() => Detail is null ? $"{RuleId}: {Reason}" : $"{RuleId}: {Reason} ({Detail})";
}
