namespace PassengerGate.Domain.PaymentMeans;

/// <summary>
/// What FATF Recommendation 32 asks to keep (Interpretive Note para. 6: the amount and the bearer's identity
/// where the threshold is exceeded, where there is a false declaration or disclosure, and where there is a
/// suspicion of money laundering or terrorist financing), so it is kept for the configured long period;
/// everything else is purged after the short one (decision 0022, amending 0005).
/// </summary>
public static class CurrencyRetention
{
    public const string OverThreshold = "overThreshold";
    public const string FalseDeclaration = "falseDeclaration";
    public const string Suspicion = "suspicion";

    /// <summary>The reason to keep a declaration, strongest first; null when nothing requires it kept.</summary>
    public static string? ReasonToKeep(bool overThreshold, DeclarationStatus status, bool flaggedByStructuringScreen) => status switch
    {
        DeclarationStatus.FalseDeclaration or DeclarationStatus.MissingDeclaration => FalseDeclaration,
        DeclarationStatus.ReferredPolice or DeclarationStatus.ReferredFiu => Suspicion,
        _ when flaggedByStructuringScreen => Suspicion,
        _ when overThreshold => OverThreshold,
        _ => null,
    };
}
