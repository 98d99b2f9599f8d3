namespace PassengerGate.Contracts.Officer;

/// <summary>What an officer console may ask of the service.</summary>
public interface IOfficerHub
{
    Task<IReadOnlyList<ReferralNotice>> GetOpenReferrals();

    Task<IReadOnlyList<KioskStatus>> GetKiosks();

    Task<CaseDecision> DecideCase(CaseDecisionRequest request);

    /// <summary>Take a kiosk out of service (inService false, with a reason) or return it.</summary>
    Task SetKioskInService(string kioskId, bool inService, string? reason);
}
