using System.Security.Cryptography;

namespace PassengerGate.Icao.Crypto;

/// <summary>
/// ISO/IEC 9797-1 MAC algorithm 3 with DES ("retail MAC"), mandated for BAC and 3DES secure
/// messaging by Doc 9303-11 §9.8.6.2: DES-CBC under Ka, then DES⁻¹ under Kb and DES under Ka on the last block.
/// The input must already be padded.
/// </summary>
public static class RetailMac
{
    public static byte[] Compute(ReadOnlySpan<byte> key16, ReadOnlySpan<byte> paddedData)
    {
        if (key16.Length != 16 || paddedData.Length % 8 != 0)
        {
            throw new ArgumentException("Retail MAC needs a 16-byte key and padded data.");
        }

#pragma warning disable CA5351 // Single DES is what ISO/IEC 9797-1 MAC algorithm 3 is built on (Doc 9303-11 §9.8.6.2).
        using var ka = DES.Create();
        using var kb = DES.Create();
#pragma warning restore CA5351
        ka.Key = key16[..8].ToArray();
        kb.Key = key16[8..].ToArray();
        var chained = ka.EncryptCbc(paddedData, new byte[8], PaddingMode.None);
        var last = chained.AsSpan(chained.Length - 8).ToArray();
        var h = kb.DecryptEcb(last, PaddingMode.None);
        return ka.EncryptEcb(h, PaddingMode.None);
    }
}
