using PassengerGate.Hardware.Apdu;

namespace PassengerGate.Hardware.Kiosk;

/// <summary>
/// A passport laid on the reader: the MRZ lines the OCR read and, for an IC passport, a channel to
/// its chip (null for a passport without a chip, which the service sends to the counter).
/// </summary>
public sealed record PassportPresentation(IReadOnlyList<string> MrzLines, IApduTransport? Chip);
