using System.Text.Json.Serialization;

namespace PassengerGate.Contracts.Officer;

/// <summary>How an officer closes a referred case.</summary>
[JsonConverter(typeof(CamelCaseNames<CaseOutcome>))]
public enum CaseOutcome
{
    Released,
    InspectedNothingFound,
    InspectedFinding,
    DutyAssessedAndPaid,
    GoodsDetained,
    ReferredToQuarantine,
    ReferredToPolice,
}

/// <summary>An officer's request to close a case they hold. No outcome is assumed: the console sends the one chosen.</summary>
public sealed record CaseDecisionRequest(long CaseNumber, CaseOutcome Outcome, string? Note);

/// <summary>A closed case, as every console is told.</summary>
public sealed record CaseDecision(long CaseNumber, CaseOutcome Outcome, string Note, string Officer, DateTimeOffset At);
