namespace PassengerGate.Documents.EscPos;

/// <summary>The ESC ! n bits for one-byte characters (Epson ESC/POS reference, "ESC !").</summary>
[Flags]
public enum EscPosPrintMode : byte
{
    Normal = 0,
    Emphasized = 0x08,
    DoubleHeight = 0x10,
    DoubleWidth = 0x20,
    Underline = 0x80,
}
