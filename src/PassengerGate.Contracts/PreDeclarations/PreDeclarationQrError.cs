namespace PassengerGate.Contracts.PreDeclarations;

/// <summary>Why a scanned pre-declaration QR was refused; <see cref="PreDeclarationQrErrors.Code"/> gives the machine code.</summary>
public enum PreDeclarationQrError
{
    None,

    /// <summary>The text does not start with <see cref="PreDeclarationQrCodec.Prefix"/>.</summary>
    BadPrefix,
    BadBase45,
    BadZlib,

    /// <summary>Not a COSE_Sign1 message, not ES256, no kid in the protected header, or claims that are not a CWT map.</summary>
    BadCose,

    /// <summary>The kid is not among the trusted keys, or that key is not in force at the time of the check.</summary>
    UnknownKey,
    BadSignature,
    Expired,
    NotYetValid,
    UnsupportedVersion,

    /// <summary>The declaration claim is missing or is not a UTF-8 JSON object.</summary>
    BadDeclaration,

    /// <summary>The code is valid but carries another kind of declaration than the step that scanned it takes.</summary>
    WrongKind,
}
