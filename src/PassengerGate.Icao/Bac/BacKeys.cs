using PassengerGate.Domain.Documents;
using PassengerGate.Icao.Crypto;

namespace PassengerGate.Icao.Bac;

/// <summary>The document basic access keys (Doc 9303-11 §9.7.2, App. D.2): Kseed = SHA-1(MRZ_information)[0..16], Kenc/Kmac = KDF(Kseed, 1/2).</summary>
public sealed record BacKeys(byte[] Kseed, byte[] Kenc, byte[] Kmac)
{
    public static BacKeys Derive(string mrzInformation)
    {
        ArgumentNullException.ThrowIfNull(mrzInformation);
        var seed = KeyDerivation.Sha1(MrzInformation.ToBytes(mrzInformation))[..16];
        return new BacKeys(
            seed,
            KeyDerivation.Derive(seed, KeyDerivation.EncryptionCounter, SecureMessagingAlgorithm.TripleDes),
            KeyDerivation.Derive(seed, KeyDerivation.MacCounter, SecureMessagingAlgorithm.TripleDes));
    }
}
