using System.Globalization;

namespace PassengerGate.Hardware.Mrz;

/// <summary>
/// Which line sets are MRZs: ICAO 9303 TD1 is 3×30, TD2 (and MRV-B) 2×36, TD3 (and MRV-A) 2×44,
/// all in the alphabet A–Z 0–9 '&lt;' (tech.md §1.1).
/// </summary>
public static class MrzLineSet
{
    public static bool IsMrzCharacters(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        foreach (var c in line)
        {
            if (!(c is >= 'A' and <= 'Z' or >= '0' and <= '9' or '<'))
            {
                return false;
            }
        }

        return line.Length > 0;
    }

    /// <summary>How many lines an MRZ with lines of this length has, or 0 when no MRZ has such lines.</summary>
    public static int LineCountFor(int lineLength) => lineLength switch
    {
        30 => 3,
        36 or 44 => 2,
        _ => 0,
    };

    /// <summary>Checks that the non-empty lines of one reader frame form exactly one MRZ.</summary>
    public static MrzFrameResult FromFrameLines(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var present = lines.Where(l => l.Length > 0).ToArray();
        if (present.Length == 0)
        {
            return MrzFrameResult.Rejected("the reader sent a frame without MRZ lines (no document or unreadable)");
        }

        var expectedCount = LineCountFor(present[0].Length);
        if (expectedCount == 0 || present.Length != expectedCount || present.Any(l => l.Length != present[0].Length))
        {
            var lengths = string.Join("/", present.Select(l => l.Length.ToString(CultureInfo.InvariantCulture)));
            return MrzFrameResult.Rejected(
                $"the reader sent {present.Length} line(s) of {lengths} characters; an MRZ is 2×44, 2×36 or 3×30");
        }

        for (var i = 0; i < present.Length; i++)
        {
            if (!IsMrzCharacters(present[i]))
            {
                return MrzFrameResult.Rejected(
                    $"MRZ line {i + 1} has characters outside A–Z 0–9 '<' (OCR recognition error)");
            }
        }

        return MrzFrameResult.Read(present);
    }
}
