namespace PassengerGate.Domain.Arrival;

/// <summary>
/// One published table of simplified tax rates (duty + consumption taxes, personal imports;
/// domain-japan.md §1.4 [S3]). Two versions exist and which is in force is unconfirmed: both ship,
/// one is picked by date or by <see cref="ArrivalRuleOptions.SimplifiedRateTableId"/>.
/// </summary>
public sealed record SimplifiedRateTable : DatedRule
{
    public required AlcoholRates AlcoholYenPerLitre { get; init; }

    public required decimal CigaretteYenEach { get; init; }

    /// <summary>Null when the table has no heated-tobacco rate (the older one): then an officer assesses it.</summary>
    public decimal? HeatedTobaccoYenPerStick { get; init; }

    public decimal? HeatedTobaccoYenPerCapsule { get; init; }

    /// <summary>Applied to the customs value (<see cref="CustomsValueRule"/>), not the retail price.</summary>
    public required decimal OtherGoodsRate { get; init; }

    /// <summary>An article or set over this overseas retail value is excluded from simplified rates.</summary>
    public required decimal ArticleOrSetLimitYen { get; init; }
}
