namespace PassengerGate.Contracts.Kiosk;

/// <summary>
/// The passenger's declaration: either the text of a pre-declaration QR scanned at the kiosk, or
/// the declaration filled on the kiosk's screen as JSON (docs/arrival-declaration-schema.md).
/// Exactly one of the two is set.
/// </summary>
public sealed record SubmitDeclaration(Guid SessionId, Guid CommandId, string? QrText, string? DeclarationJson);
