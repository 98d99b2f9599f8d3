namespace PassengerGate.Contracts.PreDeclarations;

/// <summary>The outcome of checking a scanned QR: the claims when valid, otherwise an error code and a message for people.</summary>
public sealed record PreDeclarationVerification(PreDeclarationQrError Error, string Message, PreDeclarationClaims? Claims, string? Kid)
{
    public bool IsValid => Error == PreDeclarationQrError.None && Claims is not null;

    public string Code => Error.Code();

    internal static PreDeclarationVerification Refused(PreDeclarationQrError error, string message, string? kid = null) => new(error, message, null, kid);
}
