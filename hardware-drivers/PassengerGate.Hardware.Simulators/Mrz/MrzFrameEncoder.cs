using System.Text;
using PassengerGate.Hardware.Mrz;

namespace PassengerGate.Hardware.Simulators.Mrz;

/// <summary>Builds the bytes an OCR reader sends for one document (tech.md §3.2).</summary>
public static class MrzFrameEncoder
{
    private const byte Soh = 0x01;
    private const byte Stx = 0x02;
    private const byte Etx = 0x03;
    private const byte Cr = 0x0D;

    public static byte[] Encode(MrzFraming framing, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return framing switch
        {
            MrzFraming.StxEtx => EncodeStxEtx(lines),
            MrzFraming.Rte6701 => EncodeRte6701(lines),
            MrzFraming.KeyboardWedge => Encoding.ASCII.GetBytes(string.Concat(lines.Select(l => l + "\r\n"))),
            _ => throw new ArgumentOutOfRangeException(nameof(framing), framing, "Unknown MRZ framing."),
        };
    }

    private static byte[] EncodeStxEtx(IReadOnlyList<string> lines)
    {
        var bytes = new List<byte> { Stx };
        foreach (var line in lines)
        {
            bytes.AddRange(Encoding.ASCII.GetBytes(line));
            bytes.Add(Cr);
        }

        bytes.Add(Etx);
        return [.. bytes];
    }

    // RTE6701-OEM manual p.26: three CR-terminated slots with the bottom MRZ line always in slot 3,
    // lines padded with '_' to 30 (three-line documents) or 44 characters.
    private static byte[] EncodeRte6701(IReadOnlyList<string> lines)
    {
        if (lines.Count is < 1 or > 3)
        {
            throw new ArgumentException("An RTE6701 block carries one to three lines.", nameof(lines));
        }

        var width = lines.Count == 3 ? 30 : 44;
        var body = new List<byte> { (byte)'O', (byte)'U', Stx, (byte)'0' };
        for (var slot = 0; slot < 3 - lines.Count; slot++)
        {
            body.Add(Cr);
        }

        foreach (var line in lines)
        {
            body.AddRange(Encoding.ASCII.GetBytes(line.PadRight(width, '_')));
            body.Add(Cr);
        }

        body.Add(Etx);

        // The manual's definitions of the length word and BCC are not in our sources; the decoder checks neither.
        // Here: length = bytes after the length word including the BCC; BCC = XOR of those bytes.
        var length = body.Count + 1;
        byte bcc = 0;
        foreach (var b in body)
        {
            bcc ^= b;
        }

        return [Soh, (byte)(length & 0xFF), (byte)((length >> 8) & 0x3F), .. body, bcc];
    }
}
