using System.Text;

namespace PassengerGate.Contracts.PreDeclarations;

/// <summary>
/// Base45 (RFC 9285): two bytes become three characters of the QR alphanumeric set, so a QR code in
/// alphanumeric mode carries binary data with little waste. Spaces are part of the alphabet, so a
/// Base45 string must never be trimmed.
/// </summary>
public static class Base45
{
    /// <summary>RFC 9285 §4: the 45 characters of the QR alphanumeric mode, in value order.</summary>
    public const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var text = new StringBuilder((data.Length + 1) / 2 * 3);
        var i = 0;
        for (; i + 1 < data.Length; i += 2)
        {
            // RFC 9285 §4.1: n = a*256 + b = c + d*45 + e*45*45, written c d e.
            var n = (data[i] * 256) + data[i + 1];
            text.Append(Alphabet[n % 45]).Append(Alphabet[n / 45 % 45]).Append(Alphabet[n / (45 * 45)]);
        }

        if (i < data.Length)
        {
            // A lone last byte a = c + d*45 is written c d.
            int n = data[i];
            text.Append(Alphabet[n % 45]).Append(Alphabet[n / 45]);
        }

        return text.ToString();
    }

    /// <summary>
    /// Decodes, or returns false for a character outside the alphabet, a length of 3k+1, or a group
    /// whose value does not fit its bytes (RFC 9285 §4.2: such input "MUST" be rejected).
    /// </summary>
    public static bool TryDecode(string text, out byte[] data)
    {
        ArgumentNullException.ThrowIfNull(text);
        data = [];
        if (text.Length % 3 == 1)
        {
            return false;
        }

        var output = new byte[(text.Length / 3 * 2) + (text.Length % 3 == 2 ? 1 : 0)];
        var o = 0;
        for (var i = 0; i < text.Length; i += 3)
        {
            var groupLength = Math.Min(3, text.Length - i);
            var n = 0;
            var weight = 1;
            for (var k = 0; k < groupLength; k++)
            {
                var value = Alphabet.IndexOf(text[i + k], StringComparison.Ordinal);
                if (value < 0)
                {
                    return false;
                }

                n += value * weight;
                weight *= 45;
            }

            if (groupLength == 3)
            {
                if (n > 0xFFFF)
                {
                    return false;
                }

                output[o++] = (byte)(n >> 8);
                output[o++] = (byte)(n & 0xFF);
            }
            else
            {
                if (n > 0xFF)
                {
                    return false;
                }

                output[o++] = (byte)n;
            }
        }

        data = output;
        return true;
    }
}
