namespace PassengerGate.Hardware.Simulators.Printer;

/// <summary>A QR code printed by GS ( k function 181, with the settings and data stored before it.</summary>
public sealed record PrintedQrCode(string Data, int Model, int ModuleSize, char ErrorCorrection, PrintedAlignment Alignment) : PrinterOutput;
