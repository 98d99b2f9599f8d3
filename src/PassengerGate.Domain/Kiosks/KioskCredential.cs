using System.Security.Cryptography;

namespace PassengerGate.Domain.Kiosks;

/// <summary>
/// A kiosk's credential: "KIOSKID.SECRET", the secret 32 random bytes in base64url. The service
/// keeps only SHA-256 of the secret. A salted slow hash (PBKDF2) is for low-entropy passwords;
/// a 256-bit random secret cannot be guessed, so one SHA-256 is enough (docs/decisions/0001).
/// </summary>
public sealed record KioskCredential(string KioskId, string Secret)
{
    public const int SecretBytes = 32;

    public string Token => $"{KioskId}.{Secret}";

    public byte[] SecretHash => Hash(Secret);

    public static KioskCredential FromRandom(string kioskId, ReadOnlySpan<byte> random)
    {
        if (random.Length != SecretBytes)
        {
            throw new ArgumentException($"A kiosk secret is {SecretBytes} bytes.", nameof(random));
        }

        return new KioskCredential(kioskId, Convert.ToBase64String(random).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
    }

    /// <summary>Splits a token at its last '.'; null when it is not of the form "ID.SECRET".</summary>
    public static KioskCredential? Parse(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var dot = token.LastIndexOf('.');
        if (dot <= 0 || dot == token.Length - 1)
        {
            return null;
        }

        return new KioskCredential(token[..dot], token[(dot + 1)..]);
    }

    public static byte[] Hash(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));

    /// <summary>Constant-time comparison of this credential's secret with a stored hash.</summary>
    public bool Matches(ReadOnlySpan<byte> storedHash) => CryptographicOperations.FixedTimeEquals(SecretHash, storedHash);

    public static bool IsValidKioskId(string kioskId) =>
        kioskId.Length is > 0 and <= 64
        && char.IsAsciiLetterOrDigit(kioskId[0])
        && kioskId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
