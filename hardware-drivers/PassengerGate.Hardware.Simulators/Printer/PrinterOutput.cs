namespace PassengerGate.Hardware.Simulators.Printer;

/// <summary>One thing a receipt printer put on paper, in order: a text line, a QR code, a feed or a cut.</summary>
public abstract record PrinterOutput;
