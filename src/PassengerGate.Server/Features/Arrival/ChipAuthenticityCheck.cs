using System.Security.Cryptography;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Data.Arrival;
using PassengerGate.Domain.Sessions;
using PassengerGate.Icao.ActiveAuthentication;
using PassengerGate.Icao.ChipAuthentication;
using PassengerGate.Icao.Crypto;
using PassengerGate.Icao.PassiveAuthentication;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// Whether the chip is the original and not a copy of its files (ICAO Doc 9303-11 §6.1 Active
/// Authentication), judged by the service: the session's own challenge is issued when the session opens,
/// and the chip's signature over it is verified here with the DG15 public key that passive
/// authentication has just tied to the issuer's signature. Whether AA is due comes from the signed
/// EF.SOD (DG15 listed), never from the kiosk or from EF.COM. The kiosk's local verdict is not used.
/// Chip Authentication (Doc 9303-11 §6.2) likewise: the service agrees the CA session keys with its own ephemeral key
/// for the DG14 the kiosk read, and checks the chip's answers under them; due when the signed EF.SOD lists DG14 and the
/// signed DG14 offers a CA key (decision 0014).
/// </summary>
public sealed class ChipAuthenticityCheck(ChipChallengeStore challenges, ChipAuthenticationKeyStore chipAuthenticationKeys, TimeProvider clock)
{
    /// <summary>Issues (or, for a retried open, returns) the session's 8-byte challenge.</summary>
    public Task<byte[]> IssueChallengeAsync(Guid sessionId, CancellationToken ct) =>
        challenges.IssueAsync(sessionId, RandomNumberGenerator.GetBytes(8), clock.GetUtcNow(), ct);

    public Task<byte[]?> ChallengeAsync(Guid sessionId, CancellationToken ct) => challenges.FindAsync(sessionId, ct);

    /// <summary>
    /// Agrees Chip Authentication keys for this DG14 with a fresh ephemeral key and keeps them for the session; null when
    /// DG14 offers no CA key (or cannot be read: the signed DG14 is judged at SubmitDocument, where that refers).
    /// </summary>
    public async Task<ChipAuthenticationKeyAgreement?> IssueChipAuthenticationAsync(Guid sessionId, byte[] dg14, CancellationToken ct)
    {
        (ChipAuthenticationChallenge Challenge, ChipAuthenticationSessionKeys Keys)? issued;
        try
        {
            issued = ChipAuthenticationIssuer.Issue(dg14, SystemRandomSource.Instance);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or NotSupportedException)
        {
            return null;
        }

        if (issued is not { } agreement)
        {
            return null;
        }

        var keys = agreement.Keys;
        await chipAuthenticationKeys.SaveAsync(sessionId, new ChipAuthenticationKeyStore.Row(keys.Algorithm.ToString(), keys.EncryptionKey, keys.MacKey, keys.Dg14Hash), clock.GetUtcNow(), ct);
        var challenge = agreement.Challenge;
        return new ChipAuthenticationKeyAgreement(challenge.Protocol, challenge.KeyId, challenge.EphemeralPublicKey, challenge.ProtectedCommands);
    }

    public async Task<ChipAuthenticationSessionKeys?> ChipAuthenticationKeysAsync(Guid sessionId, CancellationToken ct) =>
        await chipAuthenticationKeys.FindAsync(sessionId, ct) is { } row && Enum.TryParse<SecureMessagingAlgorithm>(row.Algorithm, out var algorithm)
            ? new ChipAuthenticationSessionKeys(algorithm, row.EncryptionKey, row.MacKey, row.Dg14Hash)
            : null;

    /// <summary>
    /// Run after passive authentication succeeded. <c>CHIP_CA_MISSING</c>: the signed DG14 offers Chip Authentication
    /// but DG14, the key agreement or the chip's answers did not arrive (a clone refusing CA); <c>CHIP_CA_FAILED</c>: the
    /// answers do not verify under the agreed keys (a clone without the private key). Any error counts as failed.
    /// </summary>
    public static (ChipAuthenticationVerification Verification, SessionReason? Referral) CheckChipAuthentication(LdsSecurityObject securityObject, ChipReading chip, ChipAuthenticationSessionKeys? issued)
    {
        ArgumentNullException.ThrowIfNull(chip);
        ChipAuthenticationVerification verification;
        try
        {
            var responses = chip.ChipAuthentication is { Result: ChipAuthenticationResult.Performed } ca ? ca.Responses : null;
            verification = ChipAuthenticationVerifier.Verify(securityObject, chip.DataGroups, issued, responses);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            verification = new(ChipAuthenticationVerdict.Failed, $"the Chip Authentication check failed ({ex.GetType().Name})");
        }

        SessionReason? referral = verification.Verdict switch
        {
            ChipAuthenticationVerdict.Missing => new(ArrivalStepCodes.ChipAuthenticationMissing, $"The passport chip did not complete chip authentication although its issuer signed a chip-authentication key (DG14): it may be a cloned chip ({verification.Detail})."),
            ChipAuthenticationVerdict.Failed => new(ArrivalStepCodes.ChipAuthenticationFailed, $"The passport chip failed chip authentication: it may be a cloned chip ({verification.Detail})."),
            _ => null,
        };
        return (verification, referral);
    }

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
