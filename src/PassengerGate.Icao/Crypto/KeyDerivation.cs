using System.Security.Cryptography;

namespace PassengerGate.Icao.Crypto;

/// <summary>The key derivation function of Doc 9303-11 §9.7.1: KDF(K, c) = H(K ‖ c) truncated to the cipher's key length.</summary>
public static class KeyDerivation
{
    public const uint EncryptionCounter = 1;
    public const uint MacCounter = 2;
    public const uint PasswordCounter = 3;

    public static byte[] Derive(ReadOnlySpan<byte> sharedSecret, uint counter, SecureMessagingAlgorithm algorithm)
    {
        var input = new byte[sharedSecret.Length + 4];
        sharedSecret.CopyTo(input);
        input[^4] = (byte)(counter >> 24);
        input[^3] = (byte)(counter >> 16);
        input[^2] = (byte)(counter >> 8);
        input[^1] = (byte)counter;
        return algorithm switch
        {
            SecureMessagingAlgorithm.TripleDes => SetOddParity(Sha1(input)[..16]),
            SecureMessagingAlgorithm.Aes128 => Sha1(input)[..16],
            SecureMessagingAlgorithm.Aes192 => SHA256.HashData(input)[..24],
            SecureMessagingAlgorithm.Aes256 => SHA256.HashData(input),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
        };
    }

    /// <summary>DES keys carry odd parity in each byte's low bit (FIPS 46-3); Doc 9303-11 App. D.1 adjusts them.</summary>
    public static byte[] SetOddParity(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = 0; i < key.Length; i++)
        {
            var b = key[i] & 0xFE;
            var ones = System.Numerics.BitOperations.PopCount((uint)b);
            key[i] = (byte)(b | (ones % 2 == 0 ? 1 : 0));
        }

        return key;
    }

#pragma warning disable CA5350 // SHA-1 is what Doc 9303-11 §9.7.1 specifies for 3DES and AES-128 keys.
    public static byte[] Sha1(ReadOnlySpan<byte> data) => SHA1.HashData(data);
#pragma warning restore CA5350
}
