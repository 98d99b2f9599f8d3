using System.Security.Cryptography;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Data.Arrival;
using PassengerGate.Domain.Sessions;
using PassengerGate.Icao.ActiveAuthentication;
using PassengerGate.Icao.PassiveAuthentication;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// Whether the chip is the original and not a copy of its files (ICAO Doc 9303-11 §6.1 Active
/// Authentication), judged by the service: the session's own challenge is issued when the session opens,
/// and the chip's signature over it is verified here with the DG15 public key that passive
/// authentication has just tied to the issuer's signature. Whether AA is due comes from the signed
/// EF.SOD (DG15 listed), never from the kiosk or from EF.COM. The kiosk's local verdict is not used.
/// </summary>
public sealed class ChipAuthenticityCheck(ChipChallengeStore challenges, TimeProvider clock)
{
    /// <summary>Issues (or, for a retried open, returns) the session's 8-byte challenge.</summary>
    public Task<byte[]> IssueChallengeAsync(Guid sessionId, CancellationToken ct) =>
        challenges.IssueAsync(sessionId, RandomNumberGenerator.GetBytes(8), clock.GetUtcNow(), ct);

    public Task<byte[]?> ChallengeAsync(Guid sessionId, CancellationToken ct) => challenges.FindAsync(sessionId, ct);

    /// <summary>
    /// Run after passive authentication succeeded. Returns the verification and, when the passenger must be
    /// referred, the reason: <c>CHIP_AA_MISSING</c> (DG15 is signed into EF.SOD but no DG15 or no chip
    /// signature arrived — a clone hiding that the original had AA) or <c>CHIP_AA_FAILED</c> (the signature
    /// does not verify, or answers a challenge this session did not issue).
    /// </summary>
    public static (ActiveAuthenticationVerification Verification, SessionReason? Referral) Check(LdsSecurityObject securityObject, ChipReading chip, byte[]? issuedChallenge)
    {
        ArgumentNullException.ThrowIfNull(chip);
        var verification = ActiveAuthenticationVerifier.Verify(
            securityObject, chip.DataGroups, issuedChallenge ?? [], chip.ActiveAuthentication?.Challenge, chip.ActiveAuthentication?.Signature);
        SessionReason? referral = verification.Verdict switch
        {
            ActiveAuthenticationVerdict.Missing => new(ArrivalStepCodes.ChipActiveAuthenticationMissing, $"The passport chip did not complete active authentication although its issuer signed an active-authentication key (DG15): it may be a cloned chip ({verification.Detail})."),
            ActiveAuthenticationVerdict.Failed => new(ArrivalStepCodes.ChipActiveAuthenticationFailed, $"The passport chip failed active authentication: it may be a cloned chip ({verification.Detail})."),
            _ => null,
        };
        return (verification, referral);
    }
}
