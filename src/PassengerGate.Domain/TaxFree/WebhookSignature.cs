using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PassengerGate.Domain.TaxFree;

/// <summary>
/// The signature on every webhook delivery (docs/taxfree-webhooks.md), in the style of Stripe's and GitHub's:
/// <c>sha256=</c> + lower-case hex HMAC-SHA256 (RFC 2104, FIPS 180-4) over <c>TIMESTAMP + "." + BODY</c>, keyed with
/// the shop's webhook secret exactly as `pgate shop add` printed it (64 hex characters, used as text). Signing the
/// timestamp with the body lets a receiver refuse a replayed old delivery; the key as printed lets a receiver check
/// with any HMAC tool (`openssl dgst -sha256 -hmac SECRET`).
/// </summary>
public static class WebhookSignature
{
    public const string Scheme = "sha256=";

    /// <summary>How far a delivery's timestamp may be from the receiver's clock (Stripe's default is five minutes).</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static string SecretText(byte[] secret) => Convert.ToHexStringLower(secret);

    public static string Sign(string secretText, long unixSeconds, string body)
    {
        ArgumentNullException.ThrowIfNull(secretText);
        ArgumentNullException.ThrowIfNull(body);
        var payload = Encoding.UTF8.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + "." + body);
        return Scheme + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretText), payload));
    }

    /// <summary>
    /// A receiver's check: the timestamp header is whole Unix seconds within <paramref name="tolerance"/> of
    /// <paramref name="now"/>, and the signature header is the HMAC of this timestamp and body (compared in constant time).
    /// </summary>
    public static WebhookVerification Verify(string secretText, string? timestampHeader, string? signatureHeader, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return WebhookVerification.TimestampMissing;
        }

        if (signatureHeader is null || !signatureHeader.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return WebhookVerification.SignatureMismatch;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secretText, seconds, body));
        var given = Encoding.ASCII.GetBytes(signatureHeader);
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return WebhookVerification.SignatureMismatch;
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        return age.Duration() > tolerance ? WebhookVerification.TimestampOutsideTolerance : WebhookVerification.Valid;
    }
}

public enum WebhookVerification
{
    Valid,
    TimestampMissing,
    SignatureMismatch,
    TimestampOutsideTolerance,
}
