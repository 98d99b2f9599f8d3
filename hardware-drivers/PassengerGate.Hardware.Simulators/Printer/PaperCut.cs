namespace PassengerGate.Hardware.Simulators.Printer;

/// <summary>GS V m: full (m = 0/48) or partial (m = 1/49) cut.</summary>
public sealed record PaperCut(bool Partial) : PrinterOutput;
