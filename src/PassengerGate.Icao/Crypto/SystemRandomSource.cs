using System.Security.Cryptography;

namespace PassengerGate.Icao.Crypto;

/// <summary>Cryptographically strong randomness for real sessions.</summary>
public sealed class SystemRandomSource : IRandomSource
{
    public static SystemRandomSource Instance { get; } = new();

    public byte[] NextBytes(int count) => RandomNumberGenerator.GetBytes(count);
}
