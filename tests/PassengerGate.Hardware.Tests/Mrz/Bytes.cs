using System.Text;

namespace PassengerGate.Hardware.Tests.Mrz;

internal static class Bytes
{
    public const byte Soh = 0x01;
    public const byte Stx = 0x02;
    public const byte Etx = 0x03;
    public const byte Cr = 0x0D;
    public const byte Lf = 0x0A;

    public static byte[] Of(params object[] parts)
    {
        var bytes = new List<byte>();
        foreach (var part in parts)
        {
            switch (part)
            {
                case byte b:
                    bytes.Add(b);
                    break;
                case string s:
                    bytes.AddRange(Encoding.ASCII.GetBytes(s));
                    break;
                case byte[] a:
                    bytes.AddRange(a);
                    break;
                default:
                    throw new ArgumentException("Unsupported part " + part, nameof(parts));
            }
        }

        return [.. bytes];
    }
}
