using System.Text;

namespace PassengerGate.Icao.Lds;

/// <summary>EF.COM (Doc 9303-10 §4.6.1): LDS version 5F01, Unicode version 5F36 and the tag list 5C of present data groups.</summary>
public sealed record EfCom(string LdsVersion, string UnicodeVersion, IReadOnlyList<int> DataGroups)
{
    public static EfCom Parse(ReadOnlyMemory<byte> file)
    {
        var outer = BerTlv.Read(file);
        if (outer.Tag != LdsFiles.ComTag)
        {
            throw new FormatException("EF.COM must start with tag 60.");
        }

        var version = BerTlv.Find(outer.Value, 0x5F01)?.Value;
        var unicode = BerTlv.Find(outer.Value, 0x5F36)?.Value;
        var tagList = BerTlv.Find(outer.Value, 0x5C)?.Value ?? throw new FormatException("EF.COM has no tag list 5C.");
        var groups = new List<int>();
        foreach (var tag in tagList.Span)
        {
            if (LdsFiles.DataGroupForTag(tag) is { } dg)
            {
                groups.Add(dg);
            }
        }

        return new EfCom(
            version is { } v ? Encoding.ASCII.GetString(v.Span) : "",
            unicode is { } u ? Encoding.ASCII.GetString(u.Span) : "",
            groups);
    }

    public byte[] Encode()
    {
        byte[] tags = [.. DataGroups.Select(LdsFiles.DataGroupTag)];
        return BerTlv.Encode(LdsFiles.ComTag, [
            .. BerTlv.Encode(0x5F01, Encoding.ASCII.GetBytes(LdsVersion)),
            .. BerTlv.Encode(0x5F36, Encoding.ASCII.GetBytes(UnicodeVersion)),
            .. BerTlv.Encode(0x5C, tags)]);
    }
}
