namespace PassengerGate.Hardware.Simulators.Printer;

/// <summary>
/// A line of text ended by LF (or printed by a feed or cut), with the modes in force: <see cref="AnkMode"/> is the
/// ESC ! byte for one-byte characters, <see cref="KanjiMode"/> the FS ! byte for double-byte ones.
/// </summary>
public sealed record PrintedLine(string Text, PrintedAlignment Alignment, byte AnkMode, byte KanjiMode) : PrinterOutput
{
    public bool Emphasized => (AnkMode & 0x08) != 0;

    /// <summary>Double width for both kinds of character (ESC ! bit 5 and FS ! bit 2).</summary>
    public bool DoubleWidth => (AnkMode & 0x20) != 0 && (KanjiMode & 0x04) != 0;

    /// <summary>Double height for both kinds of character (ESC ! bit 4 and FS ! bit 3).</summary>
    public bool DoubleHeight => (AnkMode & 0x10) != 0 && (KanjiMode & 0x08) != 0;
}
