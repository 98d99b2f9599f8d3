using System.IO.Ports;
using PassengerGate.Hardware.Mrz;

namespace PassengerGate.Hardware.Serial.Mrz;

/// <summary>Port settings of an OCR reader; the defaults (9600 8N1, no handshake) are the common factory setting.</summary>
public sealed class SerialMrzReaderOptions
{
    /// <summary>e.g. /dev/ttyUSB0, /dev/ttyACM0 or COM3.</summary>
    public required string PortName { get; init; }

    public int BaudRate { get; init; } = 9600;

    public Parity Parity { get; init; } = Parity.None;

    public int DataBits { get; init; } = 8;

    public StopBits StopBits { get; init; } = StopBits.One;

    public Handshake Handshake { get; init; } = Handshake.None;

    public MrzFraming Framing { get; init; } = MrzFraming.StxEtx;
}
