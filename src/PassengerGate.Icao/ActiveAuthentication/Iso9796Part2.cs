using System.Numerics;
using System.Security.Cryptography;

namespace PassengerGate.Icao.ActiveAuthentication;

/// <summary>
/// ISO/IEC 9796-2 digital signature scheme 1 with partial message recovery, as RSA Active Authentication uses it
/// (Doc 9303-11 §6.1.2): F = 6A ‖ M1 ‖ H(M1 ‖ M2) ‖ trailer, where M2 is the terminal's challenge and the trailer is
/// BC (implicit SHA-1) or hash-id ‖ CC (ISO/IEC 10118-3 ids: 33 SHA-1, 34 SHA-256, 35 SHA-512, 36 SHA-384).
/// </summary>
public static class Iso9796Part2
{
    public static bool Verify(RSAParameters publicKey, ReadOnlySpan<byte> challenge, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Modulus is null || publicKey.Exponent is null)
        {
            return false;
        }

        var n = ToInteger(publicKey.Modulus);
        var e = ToInteger(publicKey.Exponent);
        var s = ToInteger(signature);
        if (s >= n)
        {
            return false;
        }

        var k = publicKey.Modulus.Length;
        var m = BigInteger.ModPow(s, e, n);
        // The signer returns min(J^d, n − J^d) (ISO/IEC 9796-2 §B.6), so a representative not ending in nibble C is n − m.
        if ((m & 0x0F) != 0x0C)
        {
            m = n - m;
        }

        var f = ToBytes(m, k);
        if ((f[0] & 0xC0) != 0x40 || (f[0] & 0x0F) != 0x0A)
        {
            return false;
        }

        int trailerLength;
        HashAlgorithmName hash;
        if (f[^1] == 0xBC)
        {
            trailerLength = 1;
            hash = HashAlgorithmName.SHA1;
        }
        else if (f[^1] == 0xCC && HashForId(f[^2]) is { } named)
        {
            trailerLength = 2;
            hash = named;
        }
        else
        {
            return false;
        }

        var hashLength = HashLength(hash);
        var m1Length = k - 1 - hashLength - trailerLength;
        if (m1Length < 0)
        {
            return false;
        }

        var m1 = f.AsSpan(1, m1Length);
        var digest = f.AsSpan(1 + m1Length, hashLength);
        var expected = Hash(hash, [.. m1, .. challenge]);
        return CryptographicOperations.FixedTimeEquals(expected, digest);
    }

    /// <summary>Signs like a chip does (used by the simulated passport); M1 is random filler of the maximal length.</summary>
    public static byte[] Sign(RSAParameters privateKey, ReadOnlySpan<byte> challenge, HashAlgorithmName hash, ReadOnlySpan<byte> m1Filler)
    {
        if (privateKey.Modulus is null || privateKey.D is null)
        {
            throw new ArgumentException("A private RSA key is required.", nameof(privateKey));
        }

        var k = privateKey.Modulus.Length;
        var hashLength = HashLength(hash);
        var trailer = hash == HashAlgorithmName.SHA1 ? (byte[])[0xBC] : [IdForHash(hash), 0xCC];
        var m1Length = k - 1 - hashLength - trailer.Length;
        var m1 = m1Filler[..m1Length];
        byte[] f = [0x6A, .. m1, .. Hash(hash, [.. m1, .. challenge]), .. trailer];
        var n = ToInteger(privateKey.Modulus);
        var s = BigInteger.ModPow(ToInteger(f), ToInteger(privateKey.D), n);
        return ToBytes(BigInteger.Min(s, n - s), k);
    }

    private static byte[] Hash(HashAlgorithmName hash, byte[] data) => hash.Name switch
    {
#pragma warning disable CA5350 // SHA-1 is the ISO/IEC 9796-2 default that eMRTD chips use for AA.
        "SHA1" => SHA1.HashData(data),
#pragma warning restore CA5350
        "SHA256" => SHA256.HashData(data),
        "SHA384" => SHA384.HashData(data),
        "SHA512" => SHA512.HashData(data),
        _ => throw new ArgumentOutOfRangeException(nameof(hash)),
    };

    private static int HashLength(HashAlgorithmName hash) => hash.Name switch
    {
        "SHA1" => 20,
        "SHA256" => 32,
        "SHA384" => 48,
        "SHA512" => 64,
        _ => throw new ArgumentOutOfRangeException(nameof(hash)),
    };

    private static HashAlgorithmName? HashForId(byte id) => id switch
    {
        0x33 => HashAlgorithmName.SHA1,
        0x34 => HashAlgorithmName.SHA256,
        0x35 => HashAlgorithmName.SHA512,
        0x36 => HashAlgorithmName.SHA384,
        _ => null,
    };

    private static byte IdForHash(HashAlgorithmName hash) => hash.Name switch
    {
        "SHA1" => 0x33,
        "SHA256" => 0x34,
        "SHA512" => 0x35,
        "SHA384" => 0x36,
        _ => throw new ArgumentOutOfRangeException(nameof(hash)),
    };

    private static BigInteger ToInteger(ReadOnlySpan<byte> bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);

    private static byte[] ToBytes(BigInteger value, int length)
    {
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var output = new byte[length];
        raw.CopyTo(output.AsSpan(length - raw.Length));
        return output;
    }
}
