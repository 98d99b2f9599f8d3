namespace PassengerGate.Contracts.Officer;

/// <summary>What the service pushes to officer consoles.</summary>
public interface IOfficerClient
{
    Task ReferralRaised(ReferralNotice referral);

    Task KioskStatusChanged(KioskStatus status);

    Task CaseClaimChanged(CaseClaim claim);

    Task CaseClosed(CaseDecision decision);
}
