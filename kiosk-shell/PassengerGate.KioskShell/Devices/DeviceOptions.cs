using PassengerGate.Hardware.Mrz;

namespace PassengerGate.KioskShell.Devices;

/// <summary>
/// Real device drivers (section "Kiosk:Devices"). With no <see cref="MrzSerialPort"/> the kiosk runs on
/// simulated devices (Hardware.Simulators), driven by tests or the /sim endpoints.
/// </summary>
public sealed class DeviceOptions
{
    /// <summary>The OCR passport reader's serial port (e.g. /dev/ttyUSB0), read by Hardware.Serial's SerialMrzReader.</summary>
    public string? MrzSerialPort { get; set; }

    public MrzFraming MrzFraming { get; set; } = MrzFraming.StxEtx;

    /// <summary>Read the chip through PC/SC (pcscd and the reader's RF antenna, Hardware.Pcsc).</summary>
    public bool Pcsc { get; set; }

    /// <summary>The PC/SC reader to use; null takes the first that holds a card.</summary>
    public string? PcscReader { get; set; }

    /// <summary>How long to look for a chip after the MRZ was read; none by then means a passport without a chip.</summary>
    public TimeSpan ChipWait { get; set; } = TimeSpan.FromSeconds(3);
}
