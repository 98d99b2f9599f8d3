using System.Text.Json.Serialization;
using PassengerGate.Contracts.Officer;

namespace PassengerGate.Contracts.Kiosk;

/// <summary>
/// The kiosk asks for a Chip Authentication key agreement (ICAO Doc 9303-11 §6.2) once it has read DG14 (only when the
/// signed EF.SOD lists DG14 and DG14 offers a CA key). The service answers with its own ephemeral key, so only it can
/// check the chip's answers.
/// </summary>
public sealed record RequestChipAuthentication(Guid SessionId, byte[] Dg14);

/// <summary>
/// The service's answer: the CA protocol OID and key id DG14 names, the service's ephemeral public key for MSE:Set KAT
/// (3DES) or GENERAL AUTHENTICATE (AES), and the commands already protected under the session keys CA will set up,
/// which the kiosk sends to the chip unchanged after the key agreement.
/// </summary>
public sealed record ChipAuthenticationKeyAgreement(string Protocol, int? KeyId, byte[] EphemeralPublicKey, IReadOnlyList<byte[]> ProtectedCommands);

/// <summary>What the kiosk's Chip Authentication came to.</summary>
[JsonConverter(typeof(CamelCaseNames<ChipAuthenticationResult>))]
public enum ChipAuthenticationResult
{
    /// <summary>Not run: DG14 offers none, or the service issued no key agreement.</summary>
    NotPerformed,

    /// <summary>The chip refused the key agreement (<see cref="ChipAuthenticationResponse.StatusWord"/>).</summary>
    Refused,

    /// <summary>The key agreement was accepted; <see cref="ChipAuthenticationResponse.Responses"/> hold the chip's raw answers.</summary>
    Performed,
}

/// <summary>The chip's raw answers (data, MAC, status) to the service's protected commands, for the service to verify.</summary>
public sealed record ChipAuthenticationResponse(ChipAuthenticationResult Result, int? StatusWord, IReadOnlyList<byte[]> Responses);
