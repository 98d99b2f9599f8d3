namespace PassengerGate.Domain.Arrival;

/// <summary>Simplified rates for alcohol, yen per litre (domain-japan.md §1.4 [S3]).</summary>
public sealed record AlcoholRates(decimal WhiskyBrandy, decimal RumGinVodka, decimal Liqueur, decimal OtherSpirits, decimal WineBeerOther)
{
    public decimal For(AlcoholKind kind) => kind switch
    {
        AlcoholKind.WhiskyBrandy => WhiskyBrandy,
        AlcoholKind.RumGinVodka => RumGinVodka,
        AlcoholKind.Liqueur => Liqueur,
        AlcoholKind.OtherSpirits => OtherSpirits,
        AlcoholKind.WineBeerOther => WineBeerOther,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown alcohol kind"),
    };
}
