using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace PassengerGate.Data.Staff;

/// <summary>
/// Staff passwords are hashed with ASP.NET Core Identity's PasswordHasher (PBKDF2-HMAC-SHA512,
/// 100 000 iterations, random salt, format versioned inside the hash), the same in the service and in `pgate`.
/// </summary>
public static class StaffPasswords
{
    public const int MinimumLength = 12;

    // No look-alikes (0/O, 1/l/I) so a printed password can be typed.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private static readonly PasswordHasher<string> Hasher = new();

    public static string Hash(string password) => Hasher.HashPassword("", password);

    public static bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword("", hash, password) is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;

    /// <summary>A 20-character random password (about 116 bits).</summary>
    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, 20);
}
