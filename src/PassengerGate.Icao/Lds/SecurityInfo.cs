namespace PassengerGate.Icao.Lds;

/// <summary>
/// One SecurityInfo of EF.CardAccess or DG14 (Doc 9303-11 §9.2): SEQUENCE { protocol OID, requiredData, optionalData }.
/// <see cref="Version"/> is the first INTEGER after the OID; <see cref="Parameter"/> the second INTEGER or OID text.
/// </summary>
public sealed record SecurityInfo(string Protocol, int? Version, string? Parameter, ReadOnlyMemory<byte> Encoded);
