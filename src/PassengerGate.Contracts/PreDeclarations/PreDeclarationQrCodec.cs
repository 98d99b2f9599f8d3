using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using System.Text;
using System.Text.Json;

namespace PassengerGate.Contracts.PreDeclarations;

/// <summary>
/// The signed pre-declaration QR, built like the EU DCC (tech.md §5; hcert_spec.md): CBOR Web Token
/// claims (RFC 8392) in a COSE_Sign1 (RFC 9052) signed ES256 with the kid in the protected header,
/// then zlib, then Base45 (RFC 9285), then the prefix. The prefix names the envelope version
/// ("PGD1:"); the claim map names the payload version. Verifying never throws on bad input.
/// </summary>
public static class PreDeclarationQrCodec
{
    public const string Prefix = "PGD1:";

    /// <summary>The version of the pre-declaration claim map that this build writes and reads.</summary>
    public const int PayloadVersion = 1;

    /// <summary>
    /// Kiosk and service clocks differ a little: issued-at and expiry are checked with this leeway, as
    /// JWT/CWT validators commonly allow (RFC 7519 §4.1.4 "some small leeway").
    /// </summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    // RFC 8392 §4 claim keys, as the DCC uses them (hcert_spec.md §3.3).
    private const int IssuerClaim = 1;
    private const int ExpiresClaim = 4;
    private const int IssuedAtClaim = 6;

    /// <summary>RFC 8392 §9.1: integer claim keys below -65536 are for private use; this is the first.</summary>
    private const int PreDeclarationClaim = -65537;

    private const int VersionKey = 1;
    private const int IdKey = 2;
    private const int DeclarationKey = 3;

    /// <summary>The declaration's kind (decision 0026); absent for an arrival declaration, so arrival codes are unchanged.</summary>
    private const int KindKey = 4;

    /// <summary>Signs <paramref name="claims"/> with <paramref name="signingKey"/> (a P-256 private key) and returns the QR text.</summary>
    public static string Encode(PreDeclarationClaims claims, string kid, ECDsa signingKey)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(kid);
        ArgumentNullException.ThrowIfNull(signingKey);
        var protectedHeaders = new CoseHeaderMap
        {
            { CoseHeaderLabel.KeyIdentifier, CoseHeaderValue.FromBytes(Convert.FromBase64String(kid)) },
        };
        var signer = new CoseSigner(signingKey, HashAlgorithmName.SHA256, protectedHeaders);
        var cose = CoseSign1Message.SignEmbedded(EncodeClaims(claims), signer);
        return Prefix + QrEnvelope.Wrap(cose);
    }

    public static PreDeclarationVerification Verify(string qrText, IReadOnlyList<PublishedKey> trustedKeys, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(trustedKeys);
        if (qrText is null || !qrText.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return PreDeclarationVerification.Refused(PreDeclarationQrError.BadPrefix, $"The code does not start with {Prefix}: it is not a PassengerGate pre-declaration.");
        }

        if (!QrEnvelope.TryUnwrap(qrText[Prefix.Length..], out var coseBytes, out var envelopeError))
        {
            return PreDeclarationVerification.Refused(envelopeError, envelopeError == PreDeclarationQrError.BadBase45
                ? "The code is damaged: it is not valid Base45 (RFC 9285)."
                : "The code is damaged: its content is not a valid zlib stream.");
        }

        CoseSign1Message message;
        try
        {
            message = CoseMessage.DecodeSign1(coseBytes);
        }
        catch (CryptographicException ex)
        {
            return PreDeclarationVerification.Refused(PreDeclarationQrError.BadCose, $"The code is not a COSE_Sign1 message: {ex.Message}");
        }

        if (message.Content is null)
        {
            return PreDeclarationVerification.Refused(PreDeclarationQrError.BadCose, "The code's signed content is detached, not carried in the code.");
        }

        if (!message.ProtectedHeaders.TryGetValue(CoseHeaderLabel.Algorithm, out var algValue) || !TryGetInt(algValue, out var alg) || alg != -7)
        {
            // -7 is ES256 (RFC 9053 §2.1); accepting whatever the message names would let a forger pick the algorithm.
            return PreDeclarationVerification.Refused(PreDeclarationQrError.BadCose, "The code is not signed with ES256.");
        }

        if (!message.ProtectedHeaders.TryGetValue(CoseHeaderLabel.KeyIdentifier, out var kidValue) || !TryGetBytes(kidValue, out var kidBytes))
        {
            return PreDeclarationVerification.Refused(PreDeclarationQrError.BadCose, "The code names no signing key (no kid in the protected header).");
        }

        var kid = Convert.ToBase64String(kidBytes);
        var candidates = trustedKeys.Where(k => string.Equals(k.Kid, kid, StringComparison.Ordinal) && string.Equals(k.Alg, PublishedKey.Es256, StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0)
        {
            return PreDeclarationVerification.Refused(PreDeclarationQrError.UnknownKey, $"Signing key {kid} is not among the {trustedKeys.Count} trusted keys: refresh the key list.", kid);
        }

        var key = candidates.FirstOrDefault(k => k.NotBefore - AllowedClockSkew <= now && now <= k.NotAfter + AllowedClockSkew);
        if (key is null)
        {
            var known = candidates[0];
            return PreDeclarationVerification.Refused(PreDeclarationQrError.UnknownKey, $"Signing key {kid} is in force from {known.NotBefore:O} to {known.NotAfter:O}, not at {now:O}.", kid);
        }

        if (!VerifySignature(message, key))
        {
            return PreDeclarationVerification.Refused(PreDeclarationQrError.BadSignature, $"The signature does not verify with key {kid}: the code was altered or forged.", kid);
        }

        return ReadClaims(message.Content!.Value, now, kid);
    }

    private static bool VerifySignature(CoseSign1Message message, PublishedKey key)
    {
        try
        {
            using var publicKey = ECDsa.Create();
            publicKey.ImportSubjectPublicKeyInfo(key.SubjectPublicKeyInfo, out _);
            return message.VerifyEmbedded(publicKey);
        }
        catch (Exception ex) when (ex is CryptographicException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    private static byte[] EncodeClaims(PreDeclarationClaims claims)
    {
        var w = new CborWriter(CborConformanceMode.Canonical);
        w.WriteStartMap(4);
        w.WriteInt32(IssuerClaim);
        w.WriteTextString(claims.Issuer);
        w.WriteInt32(ExpiresClaim);
        w.WriteInt64(claims.ExpiresAt.ToUnixTimeSeconds());
        w.WriteInt32(IssuedAtClaim);
        w.WriteInt64(claims.IssuedAt.ToUnixTimeSeconds());
        w.WriteInt32(PreDeclarationClaim);
        var kind = claims.Kind != PreDeclarationKind.Arrival;
        w.WriteStartMap(kind ? 4 : 3);
        w.WriteInt32(VersionKey);
        w.WriteInt32(PayloadVersion);
        w.WriteInt32(IdKey);
        w.WriteByteString(claims.PreDeclarationId.ToByteArray(bigEndian: true));
        w.WriteInt32(DeclarationKey);
        // The declaration JSON as a byte string: the kiosk reads it with the same DeclarationJson reader as the service.
        w.WriteByteString(Encoding.UTF8.GetBytes(claims.DeclarationJson));
        if (kind)
        {
            w.WriteInt32(KindKey);
            w.WriteInt32((int)claims.Kind);
        }

        w.WriteEndMap();
        w.WriteEndMap();
        return w.Encode();
    }

    private static PreDeclarationVerification ReadClaims(ReadOnlyMemory<byte> content, DateTimeOffset now, string kid)
    {
        string? issuer = null;
        long? issuedAt = null;
        long? expiresAt = null;
        int? version = null;
        byte[]? id = null;
        byte[]? declaration = null;
        int kind = 0;
        try
        {
            // Strict: a duplicated claim key is an error, not "the last one wins" (RFC 8949 §5.6).
            var r = new CborReader(content, CborConformanceMode.Strict);
            var count = r.ReadStartMap();
            for (var i = 0; count is null ? r.PeekState() != CborReaderState.EndMap : i < count; i++)
            {
                if (r.PeekState() is not (CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger))
                {
                    r.SkipValue();
                    r.SkipValue();
                    continue;
                }

                switch (r.ReadInt64())
                {
                    case IssuerClaim: issuer = r.ReadTextString(); break;
                    case ExpiresClaim: expiresAt = r.ReadInt64(); break;
                    case IssuedAtClaim: issuedAt = r.ReadInt64(); break;
                    case PreDeclarationClaim: (version, id, declaration, kind) = ReadPreDeclaration(r); break;
                    default: r.SkipValue(); break;
                }
            }

            r.ReadEndMap();
            if (r.BytesRemaining != 0)
            {
                return PreDeclarationVerification.Refused(PreDeclarationQrError.BadCose, "The claims are followed by stray bytes.", kid);
            }
        }
        catch (Exception ex) when (ex is CborContentException or InvalidOperationException or OverflowException)
        {
            return PreDeclarationVerification.Refused(PreDeclarationQrError.BadCose, $"The claims are not a valid CBOR Web Token map: {ex.Message}", kid);
        }

        if (issuer is null || issuedAt is null || expiresAt is null)
        {
            return PreDeclarationVerification.Refused(PreDeclarationQrError.BadCose, "The claims lack iss, iat or exp.", kid);
        }

        var issued = DateTimeOffset.FromUnixTimeSeconds(issuedAt.Value);
        var expires = DateTimeOffset.FromUnixTimeSeconds(expiresAt.Value);
        if (now >= expires + AllowedClockSkew)
        {
            return PreDeclarationVerification.Refused(PreDeclarationQrError.Expired, $"The pre-declaration expired at {expires:O}: fill it in again.", kid);
        }

        if (issued > now + AllowedClockSkew)
        {
            return PreDeclarationVerification.Refused(PreDeclarationQrError.NotYetValid, $"The pre-declaration is issued at {issued:O}, after {now:O}: check the kiosk clock.", kid);
        }

        if (version is null)
        {
            return PreDeclarationVerification.Refused(PreDeclarationQrError.BadDeclaration, "The code carries no pre-declaration claim.", kid);
        }

        if (version != PayloadVersion)
        {
            return PreDeclarationVerification.Refused(PreDeclarationQrError.UnsupportedVersion, $"Pre-declaration payload version {version} is not supported; this reader knows {PayloadVersion}.", kid);
        }

        if (id is not { Length: 16 } || declaration is null || !TryReadJsonObject(declaration, out var json))
        {
            return PreDeclarationVerification.Refused(PreDeclarationQrError.BadDeclaration, "The declaration in the code is missing or is not a UTF-8 JSON object.", kid);
        }

        if (!Enum.IsDefined((PreDeclarationKind)kind))
        {
            return PreDeclarationVerification.Refused(PreDeclarationQrError.UnsupportedVersion, $"The code carries a declaration of kind {kind}, which this reader does not know.", kid);
        }

        var claims = new PreDeclarationClaims(issuer, issued, expires, new Guid(id, bigEndian: true), json, (PreDeclarationKind)kind);
        return new PreDeclarationVerification(PreDeclarationQrError.None, "The pre-declaration is valid.", claims, kid);
    }

    private static (int? Version, byte[]? Id, byte[]? Declaration, int Kind) ReadPreDeclaration(CborReader r)
    {
        int? version = null;
        var kind = (int)PreDeclarationKind.Arrival;
        byte[]? id = null;
        byte[]? declaration = null;
        var count = r.ReadStartMap();
        for (var i = 0; count is null ? r.PeekState() != CborReaderState.EndMap : i < count; i++)
        {
            if (r.PeekState() is not (CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger))
            {
                r.SkipValue();
                r.SkipValue();
                continue;
            }

            switch (r.ReadInt64())
            {
                case VersionKey: version = r.ReadInt32(); break;
                case IdKey: id = r.ReadByteString(); break;
                case DeclarationKey: declaration = r.ReadByteString(); break;
                case KindKey: kind = r.ReadInt32(); break;
                default: r.SkipValue(); break;
            }
        }

        r.ReadEndMap();
        return (version, id, declaration, kind);
    }

    private static bool TryReadJsonObject(byte[] utf8, out string json)
    {
        json = "";
        try
        {
            json = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(utf8);
            using var document = JsonDocument.Parse(utf8);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return false;
        }
    }

    private static bool TryGetInt(CoseHeaderValue value, out int result)
    {
        try
        {
            result = value.GetValueAsInt32();
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or CborContentException)
        {
            result = 0;
            return false;
        }
    }

    private static bool TryGetBytes(CoseHeaderValue value, out byte[] result)
    {
        try
        {
            result = value.GetValueAsBytes();
            return result.Length > 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or CborContentException)
        {
            result = [];
            return false;
        }
    }
}
