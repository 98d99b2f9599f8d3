namespace PassengerGate.Contracts.PreDeclarations;

public static class PreDeclarationQrErrors
{
    /// <summary>The stable machine code of an error ("BAD_SIGNATURE"), for logs, statistics and the kiosk screen.</summary>
    public static string Code(this PreDeclarationQrError error) => error switch
    {
        PreDeclarationQrError.None => "OK",
        PreDeclarationQrError.BadPrefix => "BAD_PREFIX",
        PreDeclarationQrError.BadBase45 => "BAD_BASE45",
        PreDeclarationQrError.BadZlib => "BAD_ZLIB",
        PreDeclarationQrError.BadCose => "BAD_COSE",
        PreDeclarationQrError.UnknownKey => "UNKNOWN_KEY",
        PreDeclarationQrError.BadSignature => "BAD_SIGNATURE",
        PreDeclarationQrError.Expired => "EXPIRED",
        PreDeclarationQrError.NotYetValid => "NOT_YET_VALID",
        PreDeclarationQrError.UnsupportedVersion => "UNSUPPORTED_VERSION",
        PreDeclarationQrError.BadDeclaration => "BAD_DECLARATION",
        PreDeclarationQrError.WrongKind => "WRONG_KIND",
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, null),
    };
}
