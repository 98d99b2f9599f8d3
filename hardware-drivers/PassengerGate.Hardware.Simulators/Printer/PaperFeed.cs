namespace PassengerGate.Hardware.Simulators.Printer;

/// <summary>ESC d n: n blank lines fed.</summary>
public sealed record PaperFeed(int Lines) : PrinterOutput;
