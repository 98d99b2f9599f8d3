using System.Security.Cryptography;

namespace PassengerGate.Contracts.PreDeclarations;

/// <summary>
/// A public key that verifies pre-declaration QRs, as GET /api/predeclarations/keys publishes it.
/// <see cref="SubjectPublicKeyInfo"/> is the DER SubjectPublicKeyInfo (base64 in JSON). A key is in
/// force from <see cref="NotBefore"/> to <see cref="NotAfter"/>; after its successor starts signing it
/// still verifies until <see cref="NotAfter"/>, which is never earlier than the expiry of the last QR it signed.
/// </summary>
public sealed record PublishedKey(string Kid, string Alg, byte[] SubjectPublicKeyInfo, DateTimeOffset NotBefore, DateTimeOffset NotAfter)
{
    public const string Es256 = "ES256";

    /// <summary>
    /// The key id: the first 8 bytes of SHA-256 over the SubjectPublicKeyInfo, base64. The EU DCC takes
    /// the first 8 bytes of the signer certificate's SHA-256 (hcert_spec.md §3.3.1); there is no
    /// certificate here, so the key itself is hashed. Anyone holding the public key can recompute it.
    /// </summary>
    public static string KidOf(ReadOnlySpan<byte> subjectPublicKeyInfo) =>
        Convert.ToBase64String(SHA256.HashData(subjectPublicKeyInfo)[..8]);

    public bool IsInForceAt(DateTimeOffset instant) => NotBefore <= instant && instant <= NotAfter;
}
