using System.Security.Cryptography;
using PassengerGate.Icao.Crypto;

namespace PassengerGate.Icao.SecureMessaging;

/// <summary>
/// The session keys of a secure-messaging channel and the two primitives Doc 9303-11 §9.8 builds on:
/// 3DES-CBC with a zero IV plus retail MAC, or AES-CBC with IV = E(KSenc, SSC) plus AES-CMAC truncated to 8 bytes.
/// </summary>
public sealed class SecureMessagingCipher
{
    private readonly byte[] _encryptionKey;
    private readonly byte[] _macKey;

    public SecureMessagingCipher(SecureMessagingAlgorithm algorithm, ReadOnlySpan<byte> encryptionKey, ReadOnlySpan<byte> macKey)
    {
        Algorithm = algorithm;
        _encryptionKey = encryptionKey.ToArray();
        _macKey = macKey.ToArray();
    }

    public SecureMessagingAlgorithm Algorithm { get; }

    public ReadOnlySpan<byte> EncryptionKey => _encryptionKey;

    public ReadOnlySpan<byte> MacKey => _macKey;

    public int BlockSize => Algorithm == SecureMessagingAlgorithm.TripleDes ? 8 : 16;

    /// <summary>The SSC is as long as the cipher block (Doc 9303-11 §9.8.2).</summary>
    public int SscLength => BlockSize;

    public byte[] Encrypt(ReadOnlySpan<byte> ssc, ReadOnlySpan<byte> paddedData)
    {
        if (Algorithm == SecureMessagingAlgorithm.TripleDes)
        {
            return TripleDesCipher.EncryptCbc(_encryptionKey, paddedData, new byte[8]);
        }

        using var aes = CreateAes();
        return aes.EncryptCbc(paddedData, aes.EncryptEcb(ssc, PaddingMode.None), PaddingMode.None);
    }

    public byte[] Decrypt(ReadOnlySpan<byte> ssc, ReadOnlySpan<byte> cipherText)
    {
        if (Algorithm == SecureMessagingAlgorithm.TripleDes)
        {
            return TripleDesCipher.DecryptCbc(_encryptionKey, cipherText, new byte[8]);
        }

        using var aes = CreateAes();
        return aes.DecryptCbc(cipherText, aes.EncryptEcb(ssc, PaddingMode.None), PaddingMode.None);
    }

    /// <summary>The 8-byte MAC over already padded data.</summary>
    public byte[] Mac(ReadOnlySpan<byte> paddedData) => Algorithm == SecureMessagingAlgorithm.TripleDes
        ? RetailMac.Compute(_macKey, paddedData)
        : AesCmac.Compute(_macKey, paddedData)[..8];

    private Aes CreateAes()
    {
        var aes = Aes.Create();
        aes.Key = _encryptionKey;
        return aes;
    }
}
