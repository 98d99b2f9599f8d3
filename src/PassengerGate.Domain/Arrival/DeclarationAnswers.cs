namespace PassengerGate.Domain.Arrival;

/// <summary>
/// The yes/no questions of C5360 (domain-japan.md §1.2 Q1–Q3 [S4][S5]). Every answer is required:
/// a missing answer is an invalid declaration, not a "no".
/// </summary>
public sealed record DeclarationAnswers
{
    public required bool ProhibitedOrRestricted { get; init; }

    /// <summary>Q1② in the English form only [S5].</summary>
    public required bool GoldBullionOrProducts { get; init; }

    public required bool OverDutyFreeAllowance { get; init; }

    public required bool CommercialGoodsOrSamples { get; init; }

    public required bool CarriedForSomeoneElse { get; init; }

    /// <summary>Q2: means of payment over ¥1,000,000 or precious metals over 1 kg (then the §2 declaration).</summary>
    public required bool PaymentMeansOverThreshold { get; init; }

    /// <summary>Q3: unaccompanied articles.</summary>
    public required bool UnaccompaniedBaggage { get; init; }
}
