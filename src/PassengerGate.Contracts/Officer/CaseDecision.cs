namespace PassengerGate.Contracts.Officer;

/// <summary>An officer's request to close a case. <see cref="Outcome"/>: Released, InspectedNothingFound,
/// InspectedFinding, DutyAssessedAndPaid, GoodsDetained, ReferredToQuarantine.</summary>
public sealed record CaseDecisionRequest(long CaseNumber, string Outcome, string? Note);

/// <summary>A closed case, as every console is told.</summary>
public sealed record CaseDecision(long CaseNumber, string Outcome, string Note, string Officer, DateTimeOffset At);
