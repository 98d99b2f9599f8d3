namespace PassengerGate.Contracts.Kiosk;

/// <summary>
/// What the kiosk read from the passport: the MRZ lines read optically and, for an IC passport,
/// the chip's files. The service checks both itself (passive authentication against its own CSCA
/// trust list); it never takes the kiosk's word. <see cref="Chip"/> is null for a passport
/// without a chip.
/// </summary>
public sealed record SubmitDocument(Guid SessionId, Guid CommandId, IReadOnlyList<string> MrzLines, ChipReading? Chip = null);
