using System.Security.Cryptography;
using PassengerGate.Icao.Apdu;
using PassengerGate.Icao.PassiveAuthentication;
using PassengerGate.Icao.SecureMessaging;

namespace PassengerGate.Icao.ChipAuthentication;

/// <summary>How a verifier judges a chip's Chip Authentication.</summary>
public enum ChipAuthenticationVerdict
{
    /// <summary>The signed security object does not list DG14, or the signed DG14 offers no Chip Authentication key.</summary>
    NotRequired,

    /// <summary>The chip answered the verifier's commands under the keys only the holder of DG14's private key can agree.</summary>
    Valid,

    /// <summary>DG14 offers Chip Authentication, but DG14, the key agreement or the chip's answers did not arrive.</summary>
    Missing,

    /// <summary>The answers do not prove the key: a wrong MAC, an error status, other data than the signed DG1, or a DG14 the SOD did not sign.</summary>
    Failed,
}

public sealed record ChipAuthenticationVerification(ChipAuthenticationVerdict Verdict, string Detail);

/// <summary>
/// Chip Authentication checked by the party that issued the ephemeral key (Doc 9303-11 §6.2: "the terminal verifies
/// ... by checking the MAC of secure messaging"): whether CA is due is read from the signed EF.SOD (DG14 listed) and the
/// signed DG14 (a ChipAuthenticationPublicKeyInfo), never from EF.COM or the terminal; the session keys must have been
/// agreed for that very DG14, and each answer must carry a valid secure-messaging MAC under them (SSC from 0), with
/// status 9000 and, for the READ BINARY, the first bytes of the DG1 the SOD signed.
/// </summary>
public static class ChipAuthenticationVerifier
{
    public static ChipAuthenticationVerification Verify(
        LdsSecurityObject securityObject,
        IReadOnlyDictionary<int, byte[]> dataGroups,
        ChipAuthenticationSessionKeys? issued,
        IReadOnlyList<byte[]>? responses)
    {
        ArgumentNullException.ThrowIfNull(securityObject);
        ArgumentNullException.ThrowIfNull(dataGroups);
        if (!securityObject.DataGroupHashes.TryGetValue(14, out var signedDg14))
        {
            return new(ChipAuthenticationVerdict.NotRequired, "EF.SOD does not list DG14");
        }

        if (!dataGroups.TryGetValue(14, out var dg14))
        {
            return new(ChipAuthenticationVerdict.Missing, "EF.SOD lists DG14 but DG14 was not supplied");
        }

        if (securityObject.HashAlgorithmName is null || !CryptographicOperations.FixedTimeEquals(securityObject.Hash(dg14), signedDg14))
        {
            return new(ChipAuthenticationVerdict.Failed, "DG14 does not hash to its value in EF.SOD");
        }

        try
        {
            if (ChipAuthenticationInfos.Choose(dg14) is null)
            {
                return new(ChipAuthenticationVerdict.NotRequired, "the signed DG14 offers no Chip Authentication key");
            }

            if (issued is null)
            {
                return new(ChipAuthenticationVerdict.Missing, "no Chip Authentication key agreement was issued for this inspection");
            }

            if (!CryptographicOperations.FixedTimeEquals(issued.Dg14Hash, SHA256.HashData(dg14)))
            {
                return new(ChipAuthenticationVerdict.Failed, "the key agreement was issued for another DG14 than the signed one");
            }

            if (responses is null || responses.Count == 0)
            {
                return new(ChipAuthenticationVerdict.Missing, "the chip gave no answer under the Chip Authentication keys");
            }

            var commands = ChipAuthenticationIssuer.ProofCommands;
            if (responses.Count != commands.Count)
            {
                return new(ChipAuthenticationVerdict.Failed, "the chip's answers do not match the commands issued");
            }

            var session = ChipAuthenticationIssuer.NewSession(issued);
            ResponseApdu last = new(ReadOnlyMemory<byte>.Empty, 0);
            for (var i = 0; i < commands.Count; i++)
            {
                // Re-wrapping the issued command advances the SSC exactly as the chip did (wrapping is deterministic).
                session.WrapCommand(commands[i]);
                last = session.UnwrapResponse(ResponseApdu.Parse(responses[i]));
                if (!last.IsSuccess)
                {
                    return new(ChipAuthenticationVerdict.Failed, $"the chip answered {last.StatusWord:X4} under the Chip Authentication keys");
                }
            }

            if (!dataGroups.TryGetValue(1, out var dg1) || dg1.Length < ChipAuthenticationIssuer.ProofLength
                || !CryptographicOperations.FixedTimeEquals(last.Data.Span, dg1.AsSpan(0, ChipAuthenticationIssuer.ProofLength)))
            {
                return new(ChipAuthenticationVerdict.Failed, "the data read under the Chip Authentication keys is not the signed DG1");
            }

            return new(ChipAuthenticationVerdict.Valid, "the chip answered under the keys agreed with the DG14 Chip Authentication key");
        }
        catch (Exception ex) when (ex is SecureMessagingException or ChipCommunicationException or FormatException or CryptographicException or ArgumentException)
        {
            return new(ChipAuthenticationVerdict.Failed, $"the chip's answers do not verify under the Chip Authentication keys ({ex.GetType().Name})");
        }
    }
}
