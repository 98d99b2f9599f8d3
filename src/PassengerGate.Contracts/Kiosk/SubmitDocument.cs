namespace PassengerGate.Contracts.Kiosk;

/// <summary>The MRZ lines the kiosk's passport reader read optically.</summary>
public sealed record SubmitDocument(Guid SessionId, Guid CommandId, IReadOnlyList<string> MrzLines);
