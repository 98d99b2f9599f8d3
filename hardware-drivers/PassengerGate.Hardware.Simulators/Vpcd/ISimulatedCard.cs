namespace PassengerGate.Hardware.Simulators.Vpcd;

/// <summary>
/// A card simulated in process, as vpcd (vsmartcard's virtual reader) drives it: power, reset, ATR and one
/// response APDU per command APDU. Calls come from one connector thread, one at a time.
/// </summary>
public interface ISimulatedCard
{
    /// <summary>Answer To Reset the reader reports to PC/SC applications.</summary>
    byte[] Atr { get; }

    void PowerOn();

    void PowerOff();

    /// <summary>Warm reset: forget any session state (selected file, secure messaging keys).</summary>
    void Reset();

    /// <summary>Answers a command APDU with a response APDU (data followed by SW1 SW2).</summary>
    byte[] Process(byte[] commandApdu);
}
