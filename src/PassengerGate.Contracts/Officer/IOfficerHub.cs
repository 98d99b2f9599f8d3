namespace PassengerGate.Contracts.Officer;

/// <summary>What an officer console (and the supervisor dashboard) may ask of the service.</summary>
public interface IOfficerHub
{
    Task<IReadOnlyList<ReferralNotice>> GetOpenReferrals();

    /// <summary>One page of the open queue, filtered; never capped at the newest N.</summary>
    Task<QueuePage> GetQueue(QueuePageRequest request);

    Task<IReadOnlyList<KioskStatus>> GetKiosks();

    /// <summary>Take a case. Fails if another officer holds it: two officers never hold one case.</summary>
    Task<CaseClaim> ClaimCase(long caseNumber);

    /// <summary>Give a held case back to the queue (its holder, or a supervisor).</summary>
    Task<CaseClaim> ReleaseClaim(long caseNumber);

    /// <summary>A supervisor takes over a case another officer holds.</summary>
    Task<CaseClaim> TakeOverCase(long caseNumber);

    Task<CaseView> GetCase(long caseNumber);

    Task<CaseView> AssessLine(AssessLineRequest request);

    Task<CaseView> RecordPayment(RecordPaymentRequest request);

    Task<CaseDecision> DecideCase(CaseDecisionRequest request);

    /// <summary>The supervisor dashboard's numbers (supervisors only).</summary>
    Task<DashboardSnapshot> GetDashboard();

    /// <summary>Take a kiosk out of service (inService false, with a reason) or return it.</summary>
    Task SetKioskInService(string kioskId, bool inService, string? reason);
}
