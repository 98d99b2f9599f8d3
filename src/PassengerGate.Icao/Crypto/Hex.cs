namespace PassengerGate.Icao.Crypto;

/// <summary>Hex with spaces allowed, as the Doc 9303 worked examples print it.</summary>
public static class Hex
{
    public static byte[] Decode(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        return Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
    }

    public static string Encode(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);
}
