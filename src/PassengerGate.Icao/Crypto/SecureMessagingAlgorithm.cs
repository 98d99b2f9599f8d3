namespace PassengerGate.Icao.Crypto;

/// <summary>Cipher and key length of a secure-messaging session (Doc 9303-11 §9.8).</summary>
public enum SecureMessagingAlgorithm
{
    TripleDes,
    Aes128,
    Aes192,
    Aes256,
}
