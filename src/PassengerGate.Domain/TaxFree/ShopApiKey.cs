using System.Security.Cryptography;
using System.Text;

namespace PassengerGate.Domain.TaxFree;

/// <summary>
/// A shop's API key: "pgtf_" and 32 random bytes in base64url, shown once; only its SHA-256 is stored. A plain hash
/// suffices (no slow KDF): the key is 256 random bits, not a password anyone could guess.
/// </summary>
public static class ShopApiKey
{
    public const string Prefix = "pgtf_";

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    public static bool IsValidShopId(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
