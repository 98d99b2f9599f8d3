namespace PassengerGate.Domain.Arrival;

/// <summary>
/// The kiosk's check results. Null means the check did not report: the lane decision treats that as an
/// internal error (red), never as a pass (DOMAIN.md §1 "Never fail open"; §5 rule 7).
/// </summary>
public sealed record GateChecks
{
    public bool? DocumentVerified { get; init; }

    public bool? FaceMatched { get; init; }

    public bool? LivenessPassed { get; init; }

    public bool? IsChipPassport { get; init; }

    /// <summary>Height under the e-gate minimum (100 cm in the 2019 rules, domain-japan.md §1.5 [S13]).</summary>
    public bool? ChildBelowHeight { get; init; }

    /// <summary>Names of the risk or watchlist rules that fired; empty when none did.</summary>
    public IReadOnlyList<string>? RiskHits { get; init; }

    public bool? RandomlySelected { get; init; }
}
