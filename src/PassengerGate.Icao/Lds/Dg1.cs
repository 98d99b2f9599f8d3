using System.Text;

namespace PassengerGate.Icao.Lds;

/// <summary>DG1 (Doc 9303-10 §4.7.1): template 61 holding the MRZ characters in 5F1F, lines concatenated without separators.</summary>
public static class Dg1
{
    public static string ReadMrz(ReadOnlyMemory<byte> file)
    {
        var outer = BerTlv.Read(file);
        if (outer.Tag != LdsFiles.DataGroupTag(1))
        {
            throw new FormatException("DG1 must start with tag 61.");
        }

        var mrz = BerTlv.Find(outer.Value, 0x5F1F) ?? throw new FormatException("DG1 has no MRZ data element 5F1F.");
        return Encoding.ASCII.GetString(mrz.Value.Span);
    }

    public static byte[] Encode(string mrzWithoutSeparators)
    {
        ArgumentNullException.ThrowIfNull(mrzWithoutSeparators);
        return BerTlv.Encode(0x61, BerTlv.Encode(0x5F1F, Encoding.ASCII.GetBytes(mrzWithoutSeparators)));
    }

    /// <summary>Removes line breaks and spaces so an OCR'd MRZ compares with DG1's concatenated lines.</summary>
    public static string NormalizeMrz(string mrz)
    {
        ArgumentNullException.ThrowIfNull(mrz);
        var builder = new StringBuilder(mrz.Length);
        foreach (var c in mrz)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
