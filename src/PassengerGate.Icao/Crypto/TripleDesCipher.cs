using System.Security.Cryptography;

namespace PassengerGate.Icao.Crypto;

/// <summary>
/// Two-key 3DES as Doc 9303-11 uses it (BAC and 3DES secure messaging). The BCL on Linux rejects
/// 16-byte keys, so the key is expanded to K1‖K2‖K1 (tech.md §2.3 .NET notes).
/// </summary>
public static class TripleDesCipher
{
    public static byte[] EncryptCbc(ReadOnlySpan<byte> key16, ReadOnlySpan<byte> data, ReadOnlySpan<byte> iv)
    {
        using var des = Create(key16);
        return des.EncryptCbc(data, iv, PaddingMode.None);
    }

    public static byte[] DecryptCbc(ReadOnlySpan<byte> key16, ReadOnlySpan<byte> data, ReadOnlySpan<byte> iv)
    {
        using var des = Create(key16);
        return des.DecryptCbc(data, iv, PaddingMode.None);
    }

    private static TripleDES Create(ReadOnlySpan<byte> key16)
    {
        if (key16.Length != 16)
        {
            throw new ArgumentException("A two-key 3DES key has 16 bytes.", nameof(key16));
        }

#pragma warning disable CA5350 // 3DES is what BAC and its secure messaging use (Doc 9303-11 §9.7.2, §9.8.6.1).
        var des = TripleDES.Create();
#pragma warning restore CA5350
        des.Key = [.. key16, .. key16[..8]];
        return des;
    }
}
