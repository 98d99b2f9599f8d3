namespace PassengerGate.Hardware.Simulators.Printer;

/// <summary>ESC a n (n = 0/48 left, 1/49 centre, 2/50 right).</summary>
public enum PrintedAlignment
{
    Left,
    Center,
    Right,
}
