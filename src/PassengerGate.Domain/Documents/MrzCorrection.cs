namespace PassengerGate.Domain.Documents;

/// <summary>
/// One character the OCR repair changed. <see cref="Line"/> counts from 1 and <see cref="Position"/> from 0,
/// the L2[13] notation of the ICAO layout tables (tech.md §1.1).
/// </summary>
public sealed record MrzCorrection(string Field, int Line, int Position, char From, char To);
