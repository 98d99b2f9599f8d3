namespace PassengerGate.Domain.Arrival;

/// <summary>The alcohol classes of the simplified rate table (domain-japan.md §1.4 [S3]).</summary>
public enum AlcoholKind
{
    WhiskyBrandy,
    RumGinVodka,
    Liqueur,

    /// <summary>Shochu and other spirits.</summary>
    OtherSpirits,

    /// <summary>Wine, beer and other alcohol.</summary>
    WineBeerOther,
}
