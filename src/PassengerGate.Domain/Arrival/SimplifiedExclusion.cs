namespace PassengerGate.Domain.Arrival;

/// <summary>
/// Goods the simplified rates do not cover (domain-japan.md §1.4, older text of [S3]): an officer
/// assesses them at the general rate. Articles or sets over ¥100,000 are excluded by value, not by kind.
/// </summary>
public enum SimplifiedExclusion
{
    Rice,
    Laver,
    PineappleProducts,
    Konnyaku,
    HuntingGun,

    /// <summary>The traveller asked for the general rate.</summary>
    OnRequest,

    /// <summary>Another listed exclusion, described in the line's description.</summary>
    Other,
}
