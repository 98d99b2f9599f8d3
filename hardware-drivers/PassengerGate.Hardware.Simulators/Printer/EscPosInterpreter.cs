using System.Text;

namespace PassengerGate.Hardware.Simulators.Printer;

/// <summary>
/// Reads an ESC/POS byte stream the way a Japanese-model receipt printer would (Epson ESC/POS command
/// reference; tech.md §3.3) and reports what went on paper. It knows only the commands PassengerGate
/// sends and rejects anything else, so a writer bug fails a test instead of printing garbage.
/// Text is Shift_JIS while Kanji mode is on with FS C 1, otherwise ASCII only.
/// </summary>
public static class EscPosInterpreter
{
    private const byte Esc = 0x1B;
    private const byte Fs = 0x1C;
    private const byte Gs = 0x1D;

    private static readonly Encoding ShiftJis = CreateShiftJis();

    public static Printout Parse(ReadOnlySpan<byte> data)
    {
        var state = new State();
        var i = 0;
        while (i < data.Length)
        {
            var b = data[i];
            switch (b)
            {
                case 0x0A:
                    state.EndLine();
                    i++;
                    break;
                case 0x0D:
                    i++;
                    break;
                case Esc:
                    i = EscCommand(data, i, state);
                    break;
                case Fs:
                    i = FsCommand(data, i, state);
                    break;
                case Gs:
                    i = GsCommand(data, i, state);
                    break;
                case < 0x20:
                    throw new EscPosFormatException($"unsupported control byte 0x{b:X2} at offset {i}");
                default:
                    state.Text.Add(b);
                    i++;
                    break;
            }
        }

        if (state.Text.Count > 0)
        {
            throw new EscPosFormatException("text left in the print buffer with no LF, feed or cut to print it");
        }

        return new Printout(state.Outputs);
    }

    private static int EscCommand(ReadOnlySpan<byte> data, int i, State state)
    {
        var command = Byte(data, i + 1);
        switch (command)
        {
            case 0x40:
                state.Reset();
                return i + 2;
            case 0x61:
                state.Alignment = Byte(data, i + 2) switch
                {
                    0 or 48 => PrintedAlignment.Left,
                    1 or 49 => PrintedAlignment.Center,
                    2 or 50 => PrintedAlignment.Right,
                    var n => throw new EscPosFormatException($"ESC a {n}: no such alignment"),
                };
                return i + 3;
            case 0x21:
                state.AnkMode = Byte(data, i + 2);
                return i + 3;
            case 0x45:
                state.AnkMode = (byte)((Byte(data, i + 2) & 1) != 0 ? state.AnkMode | 0x08 : state.AnkMode & ~0x08);
                return i + 3;
            case 0x64:
                state.PrintPending();
                state.Outputs.Add(new PaperFeed(Byte(data, i + 2)));
                return i + 3;
            default:
                throw new EscPosFormatException($"unsupported command ESC 0x{command:X2} at offset {i}");
        }
    }

    private static int FsCommand(ReadOnlySpan<byte> data, int i, State state)
    {
        var command = Byte(data, i + 1);
        switch (command)
        {
            case 0x26:
                state.PrintPending();
                state.KanjiOn = true;
                return i + 2;
            case 0x2E:
                state.PrintPending();
                state.KanjiOn = false;
                return i + 2;
            case 0x43:
                state.ShiftJisSelected = Byte(data, i + 2) switch
                {
                    0 or 48 => false,
                    1 or 49 => true,
                    var n => throw new EscPosFormatException($"FS C {n}: no such Kanji code system"),
                };
                return i + 3;
            case 0x21:
                state.KanjiMode = Byte(data, i + 2);
                return i + 3;
            default:
                throw new EscPosFormatException($"unsupported command FS 0x{command:X2} at offset {i}");
        }
    }

    private static int GsCommand(ReadOnlySpan<byte> data, int i, State state)
    {
        var command = Byte(data, i + 1);
        switch (command)
        {
            case 0x56:
                var m = Byte(data, i + 2);
                state.PrintPending();
                switch (m)
                {
                    case 0 or 48 or 1 or 49:
                        state.Outputs.Add(new PaperCut(Partial: m is 1 or 49));
                        return i + 3;
                    case 65 or 66:
                        state.Outputs.Add(new PaperFeed(Byte(data, i + 3)));
                        state.Outputs.Add(new PaperCut(Partial: m == 66));
                        return i + 4;
                    default:
                        throw new EscPosFormatException($"GS V {m}: no such cut");
                }

            case 0x28 when Byte(data, i + 2) == 0x6B:
                return QrFunction(data, i, state);
            default:
                throw new EscPosFormatException($"unsupported command GS 0x{command:X2} at offset {i}");
        }
    }

    /// <summary>GS ( k pL pH cn fn ...: pL + 256·pH bytes follow pH; cn 49 is the QR symbol.</summary>
    private static int QrFunction(ReadOnlySpan<byte> data, int i, State state)
    {
        var length = Byte(data, i + 3) + (256 * Byte(data, i + 4));
        var start = i + 5;
        if (length < 2 || start + length > data.Length)
        {
            throw new EscPosFormatException($"GS ( k at offset {i}: length {length} runs past the data");
        }

        var body = data.Slice(start, length);
        if (body[0] != 0x31)
        {
            throw new EscPosFormatException($"GS ( k cn {body[0]}: only QR (49) is supported");
        }

        switch (body[1])
        {
            case 0x41 when length == 4:
                state.QrModel = body[2] - 48;
                break;
            case 0x43 when length == 3:
                state.QrModuleSize = body[2];
                break;
            case 0x45 when length == 3:
                state.QrErrorCorrection = body[2] switch
                {
                    48 => 'L',
                    49 => 'M',
                    50 => 'Q',
                    51 => 'H',
                    var n => throw new EscPosFormatException($"GS ( k fn 69: no such error correction level {n}"),
                };
                break;
            case 0x50 when length >= 3 && body[2] == 0x30:
                state.QrData = body[3..].ToArray();
                break;
            case 0x51 when length == 3 && body[2] == 0x30:
                state.PrintPending();
                var stored = state.QrData ?? throw new EscPosFormatException("GS ( k fn 81: print with no data stored");
                state.Outputs.Add(new PrintedQrCode(Decode(stored, state), state.QrModel, state.QrModuleSize, state.QrErrorCorrection, state.Alignment));
                break;
            default:
                throw new EscPosFormatException($"GS ( k fn {body[1]} with {length} bytes: unsupported");
        }

        return start + length;
    }

    private static byte Byte(ReadOnlySpan<byte> data, int index) =>
        index < data.Length ? data[index] : throw new EscPosFormatException($"command truncated at offset {index}");

    private static string Decode(IReadOnlyCollection<byte> bytes, State state)
    {
        var array = bytes.ToArray();
        try
        {
            if (state.KanjiOn && state.ShiftJisSelected)
            {
                return ShiftJis.GetString(array);
            }

            return array.All(b => b < 0x80)
                ? Encoding.ASCII.GetString(array)
                : throw new EscPosFormatException("bytes above 0x7F outside Kanji mode: the simulator has no one-byte code table");
        }
        catch (DecoderFallbackException e)
        {
            throw new EscPosFormatException("text is not valid Shift_JIS", e);
        }
    }

    private static Encoding CreateShiftJis()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    private sealed class State
    {
        public List<PrinterOutput> Outputs { get; } = [];

        public List<byte> Text { get; } = [];

        public PrintedAlignment Alignment { get; set; }

        public byte AnkMode { get; set; }

        public byte KanjiMode { get; set; }

        public bool KanjiOn { get; set; }

        public bool ShiftJisSelected { get; set; }

        public int QrModel { get; set; } = 2;

        public int QrModuleSize { get; set; } = 3;

        public char QrErrorCorrection { get; set; } = 'L';

        public byte[]? QrData { get; set; }

        /// <summary>ESC @ clears the buffer and modes; the Kanji code system (FS C) is kept, as on Epson models.</summary>
        public void Reset()
        {
            Text.Clear();
            Alignment = PrintedAlignment.Left;
            AnkMode = 0;
            KanjiMode = 0;
            KanjiOn = false;
        }

        public void EndLine()
        {
            Outputs.Add(new PrintedLine(Decode(Text, this), Alignment, AnkMode, KanjiMode));
            Text.Clear();
        }

        /// <summary>Feed, cut, QR print and Kanji mode changes print what is in the buffer first.</summary>
        public void PrintPending()
        {
            if (Text.Count > 0)
            {
                EndLine();
            }
        }
    }
}
