namespace PassengerGate.Contracts.Kiosk;

/// <summary>
/// A scanned pre-declaration the traveller reviewed, changed and certified at the kiosk (docs/decisions/0020): the QR
/// proves which pre-declaration it was; <see cref="DeclarationJson"/> is the certified version, validated like any
/// declaration made at the kiosk and bound to the verified passport. The case records that it was edited at the kiosk.
/// </summary>
public sealed record SubmitEditedPreDeclaration(Guid SessionId, Guid CommandId, string QrText, string DeclarationJson);
