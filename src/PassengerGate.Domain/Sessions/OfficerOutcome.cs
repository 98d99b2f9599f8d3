namespace PassengerGate.Domain.Sessions;

/// <summary>How an officer closed a referred case (issue 4: released, inspected with outcome, duty assessed and paid,
/// goods detained, referred to quarantine). Stored by name.</summary>
public enum OfficerOutcome
{
    Released,
    InspectedNothingFound,
    InspectedFinding,
    DutyAssessedAndPaid,
    GoodsDetained,
    ReferredToQuarantine,
    ReferredToPolice,
}
