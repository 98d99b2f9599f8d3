using System.Security.Cryptography;
using PassengerGate.Icao.PassiveAuthentication;

namespace PassengerGate.Icao.ActiveAuthentication;

/// <summary>How the service judges a chip's Active Authentication.</summary>
public enum ActiveAuthenticationVerdict
{
    /// <summary>The signed security object does not list DG15: the chip has no AA key to prove.</summary>
    NotRequired,

    /// <summary>The chip signed the challenge this session issued with the private key of the signed DG15.</summary>
    Valid,

    /// <summary>DG15 is signed into EF.SOD, but DG15 or the chip's response did not arrive.</summary>
    Missing,

    /// <summary>The response does not prove the key: wrong signature, a challenge the session did not issue, or a DG15 the SOD did not sign.</summary>
    Failed,
}

public sealed record ActiveAuthenticationVerification(ActiveAuthenticationVerdict Verdict, string Detail);

/// <summary>
/// Active Authentication re-verified where the terminal's word is not enough (Doc 9303-11 §6.1): whether AA is due is
/// read from the signed LDS security object, never from EF.COM (EF.COM is not covered by the SOD signature, Doc 9303-10
/// §4.6, so a cloner can drop DG15 from its tag list), and the signature is checked with the public key of a
/// DG15 whose hash the SOD carries. The challenge must be the one the caller issued, so a response recorded in one
/// inspection cannot be replayed in another.
/// </summary>
public static class ActiveAuthenticationVerifier
{
    public static ActiveAuthenticationVerification Verify(
        LdsSecurityObject securityObject,
        IReadOnlyDictionary<int, byte[]> dataGroups,
        ReadOnlySpan<byte> issuedChallenge,
        byte[]? challenge,
        byte[]? signature)
    {
        ArgumentNullException.ThrowIfNull(securityObject);
        ArgumentNullException.ThrowIfNull(dataGroups);
        if (!securityObject.DataGroupHashes.TryGetValue(15, out var signedDg15))
        {
            return new(ActiveAuthenticationVerdict.NotRequired, "EF.SOD does not list DG15");
        }

        if (!dataGroups.TryGetValue(15, out var dg15))
        {
            return new(ActiveAuthenticationVerdict.Missing, "EF.SOD lists DG15 but DG15 was not supplied");
        }

        if (!SignedBy(securityObject, dg15, signedDg15))
        {
            return new(ActiveAuthenticationVerdict.Failed, "DG15 does not hash to its value in EF.SOD");
        }

        if (challenge is null || signature is null || signature.Length == 0)
        {
            return new(ActiveAuthenticationVerdict.Missing, "the chip gave no Active Authentication signature");
        }

        if (issuedChallenge.Length != 8 || !CryptographicOperations.FixedTimeEquals(challenge, issuedChallenge))
        {
            return new(ActiveAuthenticationVerdict.Failed, "the signature answers a challenge this inspection did not issue");
        }

        // DG14 names the ECDSA hash (ActiveAuthenticationInfo); it is only trusted when the SOD signed it.
        var dg14 = dataGroups.TryGetValue(14, out var d14) && securityObject.DataGroupHashes.TryGetValue(14, out var signedDg14) && SignedBy(securityObject, d14, signedDg14)
            ? d14
            : null;
        return ActiveAuthenticator.SafeVerify(dg15, dg14, challenge, signature)
            ? new(ActiveAuthenticationVerdict.Valid, "the chip signed the issued challenge with the DG15 key")
            : new(ActiveAuthenticationVerdict.Failed, "the chip's signature does not verify with the DG15 public key");
    }

    private static bool SignedBy(LdsSecurityObject securityObject, byte[] content, byte[] signedHash) =>
        securityObject.HashAlgorithmName is not null && CryptographicOperations.FixedTimeEquals(securityObject.Hash(content), signedHash);
}
