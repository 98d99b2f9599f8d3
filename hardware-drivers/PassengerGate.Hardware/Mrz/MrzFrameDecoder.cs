using System.Text;

namespace PassengerGate.Hardware.Mrz;

/// <summary>
/// Turns the byte stream of an OCR reader into MRZ line sets. Serial reads split frames anywhere, so
/// the decoder keeps the unfinished tail between calls; bytes that cannot start a frame are dropped.
/// It does no I/O and is not thread-safe: one decoder per port.
/// </summary>
public sealed class MrzFrameDecoder
{
    /// <summary>Longer than any real frame (3M: 3×(44+1) + header); beyond this a frame has lost its end marker.</summary>
    public const int MaxFrameBytes = 512;

    private const byte Soh = 0x01;
    private const byte Stx = 0x02;
    private const byte Etx = 0x03;
    private const byte Lf = 0x0A;
    private const byte Cr = 0x0D;

    // 3M RTE6701 header after SOH: a 2-byte length word (low, high), device 'O' (optical), type 'U' (unsolicited).
    private const int RteHeaderLength = 6;
    private const int RteFlagIndex = 6;

    private readonly List<byte> _pending = [];
    private readonly List<string> _wedgeGroup = [];

    public MrzFrameDecoder(MrzFraming framing)
    {
        if (!Enum.IsDefined(framing))
        {
            throw new ArgumentOutOfRangeException(nameof(framing), framing, "Unknown MRZ framing.");
        }

        Framing = framing;
    }

    public MrzFraming Framing { get; }

    /// <summary>Feeds the next bytes read from the device and returns the frames they completed, in order.</summary>
    public IReadOnlyList<MrzFrameResult> Decode(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            _pending.Add(b);
        }

        var results = new List<MrzFrameResult>();
        switch (Framing)
        {
            case MrzFraming.StxEtx:
                DecodeStxEtx(results);
                break;
            case MrzFraming.Rte6701:
                DecodeRte6701(results);
                break;
            default:
                DecodeWedge(results);
                break;
        }

        return results;
    }

    /// <summary>Forgets any partial frame, e.g. after the port was reopened.</summary>
    public void Reset()
    {
        _pending.Clear();
        _wedgeGroup.Clear();
    }

    private void DecodeStxEtx(List<MrzFrameResult> results)
    {
        while (DropUntil(Stx))
        {
            var end = -1;
            var restart = -1;
            for (var i = 1; i < _pending.Count; i++)
            {
                if (_pending[i] == Etx)
                {
                    end = i;
                    break;
                }

                if (_pending[i] == Stx)
                {
                    restart = i;
                    break;
                }
            }

            if (end > 0)
            {
                results.Add(MrzLineSet.FromFrameLines(SplitLines(1, end, stripUnderscores: false)));
                _pending.RemoveRange(0, end + 1);
            }
            else if (restart > 0)
            {
                results.Add(MrzFrameResult.Rejected("a frame was cut off: a new STX arrived before ETX"));
                _pending.RemoveRange(0, restart);
            }
            else if (!DropOverlongFrame(results))
            {
                return;
            }
        }
    }

    private void DecodeRte6701(List<MrzFrameResult> results)
    {
        while (DropUntil(Soh))
        {
            if (_pending.Count <= RteFlagIndex)
            {
                return;
            }

            if (_pending[3] != (byte)'O' || _pending[4] != (byte)'U' || _pending[5] != Stx)
            {
                // Not an optical unsolicited-data block (or an SOH inside garbage): resynchronise on the next SOH.
                _pending.RemoveAt(0);
                continue;
            }

            var end = _pending.IndexOf(Etx, RteFlagIndex + 1);
            if (end < 0)
            {
                if (!DropOverlongFrame(results))
                {
                    return;
                }

                continue;
            }

            // The block check character follows ETX; wait for it so it is not mistaken for the next block's start.
            if (_pending.Count <= end + 1)
            {
                return;
            }

            results.Add(MrzLineSet.FromFrameLines(SplitLines(RteFlagIndex + 1, end, stripUnderscores: true)));
            _pending.RemoveRange(0, end + 2);
        }
    }

    private void DecodeWedge(List<MrzFrameResult> results)
    {
        var start = 0;
        for (var i = 0; i < _pending.Count; i++)
        {
            if (_pending[i] is Cr or Lf)
            {
                AcceptWedgeLine(ToText(start, i, stripUnderscores: false), results);
                start = i + 1;
            }
        }

        _pending.RemoveRange(0, start);
        if (_pending.Count > MaxFrameBytes)
        {
            // A line this long is not an MRZ line; it also breaks any group being collected.
            _pending.Clear();
            _wedgeGroup.Clear();
        }
    }

    private void AcceptWedgeLine(string line, List<MrzFrameResult> results)
    {
        if (line.Length == 0)
        {
            return; // The LF of a CRLF, or a blank line.
        }

        var count = MrzLineSet.LineCountFor(line.Length);
        if (count == 0 || !MrzLineSet.IsMrzCharacters(line))
        {
            _wedgeGroup.Clear();
            return;
        }

        if (_wedgeGroup.Count > 0 && _wedgeGroup[0].Length != line.Length)
        {
            _wedgeGroup.Clear();
        }

        _wedgeGroup.Add(line);
        if (_wedgeGroup.Count == count)
        {
            results.Add(MrzFrameResult.Read([.. _wedgeGroup]));
            _wedgeGroup.Clear();
        }
    }

    /// <summary>Drops bytes before the first <paramref name="marker"/>; false when there is none.</summary>
    private bool DropUntil(byte marker)
    {
        var index = _pending.IndexOf(marker);
        if (index < 0)
        {
            _pending.Clear();
            return false;
        }

        _pending.RemoveRange(0, index);
        return true;
    }

    private bool DropOverlongFrame(List<MrzFrameResult> results)
    {
        if (_pending.Count <= MaxFrameBytes)
        {
            return false;
        }

        results.Add(MrzFrameResult.Rejected("a frame had no end marker within " + MaxFrameBytes + " bytes"));
        _pending.RemoveAt(0);
        return true;
    }

    private List<string> SplitLines(int start, int end, bool stripUnderscores)
    {
        var lines = new List<string>();
        var lineStart = start;
        for (var i = start; i <= end; i++)
        {
            if (i == end || _pending[i] is Cr or Lf)
            {
                lines.Add(ToText(lineStart, i, stripUnderscores));
                lineStart = i + 1;
            }
        }

        return lines;
    }

    private string ToText(int start, int end, bool stripUnderscores)
    {
        var text = new StringBuilder(end - start);
        for (var i = start; i < end; i++)
        {
            var b = _pending[i];

            // Anything outside printable ASCII is kept as U+FFFD so the line fails the MRZ alphabet check.
            text.Append(b is >= 0x20 and < 0x7F ? (char)b : '\uFFFD');
        }

        var line = text.ToString().Trim();
        return stripUnderscores ? line.TrimEnd('_').TrimEnd() : line;
    }
}
