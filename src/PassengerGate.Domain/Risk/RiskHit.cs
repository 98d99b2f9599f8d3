namespace PassengerGate.Domain.Risk;

/// <summary>
/// A rule that fired: its id, its reason (the operator's sentence for the rule, about no one in particular), and
/// what in particular (the watchlist entry's reason and source). <see cref="Detail"/> can name a list and what the
/// list says about a person, so it is kept only in the session's facts, which are purged with the rest of the
/// personal data; it is never part of a reason text, which is kept for good in the audit trail (decision 0008).
/// </summary>
public sealed record RiskHit(string RuleId, string Reason, string? Detail = null)
{
    /// <summary>The line an officer reads, as <c>GateChecks.RiskHits</c> carries it: rule id and rule reason only.</summary>
    public override string ToString() => $"{RuleId}: {Reason}";
}
