using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace PassengerGate.Icao.Crypto;

/// <summary>AES-CMAC (NIST SP 800-38B), used by PACE tokens and AES secure messaging (Doc 9303-11 §9.8.6.2); the BCL has no CMAC.</summary>
public static class AesCmac
{
    public static byte[] Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        var mac = new CMac(new AesEngine());
        mac.Init(new KeyParameter(key.ToArray()));
        mac.BlockUpdate(data);
        var output = new byte[mac.GetMacSize()];
        mac.DoFinal(output, 0);
        return output;
    }
}
