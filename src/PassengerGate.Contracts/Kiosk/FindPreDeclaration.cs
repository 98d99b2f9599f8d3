namespace PassengerGate.Contracts.Kiosk;

/// <summary>
/// At the declaration step: is there a pre-declaration made on a phone for the passport this session verified (the
/// Canadian model of issue 10: find by passport, review, change, certify; decision 0027)?
/// </summary>
public sealed record FindPreDeclaration(Guid SessionId);

/// <summary>
/// The newest unused, unexpired arrival pre-declaration of the session's passport, as the signed QR text the phone
/// shows (the kiosk opens it exactly as a scanned code); null when there is none or the session may not ask.
/// </summary>
public sealed record PreDeclarationFound(string? QrText);
