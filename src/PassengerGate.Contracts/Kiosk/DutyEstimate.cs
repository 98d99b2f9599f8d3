namespace PassengerGate.Contracts.Kiosk;

/// <summary>
/// The duty the service's assessment gives the declaration it decided, for the traveller's slip (issue 10): an estimate —
/// the officer at the counter assesses and collects — with each line that owes duty or goes to an officer for it.
/// Only the traveller's own goods and amounts, nothing of the checks. <see cref="Incomplete"/>: part could not be
/// assessed (a missing rate), so the amount is a floor.
/// </summary>
public sealed record DutyEstimate(decimal TotalDutyYen, bool Incomplete, IReadOnlyList<DutyEstimateLine> Lines);

/// <summary>
/// One goods line over the allowance: <see cref="Description"/> is the traveller's or the assessor's words (e.g.
/// "wineBeerOther 750 ml", "handbag"); <see cref="DutiableQuantity"/> in <see cref="Unit"/>; <see cref="DutyYen"/> is 0 for
/// a line an officer assesses (<see cref="DraftLineOutcome.ReferredToOfficer"/>).
/// </summary>
public sealed record DutyEstimateLine(string Path, DraftGoodsCategory Category, string Description, decimal DutiableQuantity, string Unit, decimal DutyYen, DraftLineOutcome Outcome);
