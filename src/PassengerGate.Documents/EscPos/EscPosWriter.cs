using System.Text;

namespace PassengerGate.Documents.EscPos;

/// <summary>
/// Builds the bytes for an ESC/POS receipt printer (commands from tech.md §3.3 and the Epson ESC/POS
/// command reference). Text goes out in Shift_JIS, the code page of Japanese-model printers once Kanji
/// mode is on; a character Shift_JIS cannot carry is an error, never a silent '?'.
/// </summary>
public sealed class EscPosWriter
{
    private const byte Esc = 0x1B;
    private const byte Fs = 0x1C;
    private const byte Gs = 0x1D;
    private const byte Lf = 0x0A;

    /// <summary>GS ( k store function: pL pH count the data plus cn fn m, and are two bytes, so 7089 bytes at most (Epson, function 180).</summary>
    public const int MaxQrDataBytes = 7089;

    private readonly List<byte> bytes = [];

    /// <summary>Shift_JIS (code page 932) that throws on characters it cannot encode or bytes it cannot decode.</summary>
    public static Encoding ShiftJis { get; } = CreateShiftJis();

    /// <summary>
    /// ESC @ resets the printer; FS C 1 selects Shift_JIS as the Kanji code system and FS &amp; turns Kanji mode
    /// on (Epson ESC/POS reference, Japanese models), so double-byte text prints as kanji and kana.
    /// </summary>
    public EscPosWriter Initialize() => Add(Esc, 0x40).Add(Fs, 0x43, 0x01).Add(Fs, 0x26);

    public EscPosWriter Align(EscPosAlignment alignment) => Add(Esc, 0x61, (byte)alignment);

    /// <summary>
    /// ESC ! n for one-byte characters and FS ! n for Kanji, whose size bits differ (FS !: bit 2 double width,
    /// bit 3 double height, bit 7 underline); emphasis is ESC ! bit 3 for both.
    /// </summary>
    public EscPosWriter Mode(EscPosPrintMode mode)
    {
        byte kanji = 0;
        if (mode.HasFlag(EscPosPrintMode.DoubleWidth))
        {
            kanji |= 0x04;
        }

        if (mode.HasFlag(EscPosPrintMode.DoubleHeight))
        {
            kanji |= 0x08;
        }

        if (mode.HasFlag(EscPosPrintMode.Underline))
        {
            kanji |= 0x80;
        }

        return Add(Esc, 0x21, (byte)mode).Add(Fs, 0x21, kanji);
    }

    /// <summary>Text and LF. Control characters are refused: an ESC or GS inside data would be obeyed as a command.</summary>
    public EscPosWriter Line(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Any(char.IsControl))
        {
            throw new ArgumentException("a printed line cannot contain control characters", nameof(text));
        }

        bytes.AddRange(ShiftJis.GetBytes(text));
        return Add(Lf);
    }

    /// <summary>ESC d n: print the buffer and feed n lines without printing a text line.</summary>
    public EscPosWriter Feed(byte lines) => Add(Esc, 0x64, lines);

    /// <summary>
    /// A QR code with GS ( k: select model 2 (fn 165), module size in dots (fn 167, 1–16), error correction
    /// (fn 169), store the data (fn 180), print it (fn 181).
    /// </summary>
    public EscPosWriter QrCode(string data, byte moduleSize = 6, EscPosQrErrorCorrection errorCorrection = EscPosQrErrorCorrection.M)
    {
        ArgumentException.ThrowIfNullOrEmpty(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(moduleSize, (byte)1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(moduleSize, (byte)16);
        var payload = ShiftJis.GetBytes(data);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payload.Length, MaxQrDataBytes, nameof(data));
        var length = payload.Length + 3;
        Add(Gs, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00);
        Add(Gs, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, moduleSize);
        Add(Gs, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, (byte)errorCorrection);
        Add(Gs, 0x28, 0x6B, (byte)(length & 0xFF), (byte)(length >> 8), 0x31, 0x50, 0x30);
        bytes.AddRange(payload);
        return Add(Gs, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30);
    }

    /// <summary>GS V 0 full cut, GS V 1 partial cut (tech.md §3.3).</summary>
    public EscPosWriter Cut(bool partial = false) => Add(Gs, 0x56, partial ? (byte)0x01 : (byte)0x00);

    public byte[] ToArray() => [.. bytes];

    private static Encoding CreateShiftJis()
    {
        // Code pages other than UTF-x and Latin-1 come from the provider in the shared framework (System.Text.Encoding.CodePages).
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    private EscPosWriter Add(params byte[] command)
    {
        bytes.AddRange(command);
        return this;
    }
}
