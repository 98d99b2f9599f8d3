namespace PassengerGate.Domain.Risk;

/// <summary>
/// The reason codes a lane decision can carry (DOMAIN.md §1 "Lane decision": document, biometric,
/// declaration, duty, risk/watchlist, random selection; "Electronic flow": e-gate eligibility).
/// Codes are stored and compared as text, so they never change meaning once shipped.
/// </summary>
public static class ReferralCodes
{
    public const string DocumentNotVerified = "document.notVerified";
    public const string DocumentNotChip = "document.notChipPassport";
    public const string FaceNotMatched = "biometric.faceNotMatched";
    public const string LivenessFailed = "biometric.livenessFailed";
    public const string ChildBelowHeight = "egate.childBelowHeight";
    public const string UnaccompaniedBaggage = "egate.unaccompaniedBaggage";

    public const string DeclaredProhibitedOrRestricted = "declaration.prohibitedOrRestricted";
    public const string DeclaredGold = "declaration.goldBullionOrProducts";
    public const string DeclaredOverAllowance = "declaration.overDutyFreeAllowance";
    public const string DeclaredCommercialGoods = "declaration.commercialGoodsOrSamples";
    public const string DeclaredCarriedForSomeoneElse = "declaration.carriedForSomeoneElse";
    public const string DeclaredPaymentMeans = "declaration.paymentMeansOverThreshold";
    public const string DeclaredUnaccompaniedBaggage = "declaration.unaccompaniedBaggage";

    public const string OverAllowance = "allowance.exceeded";
    public const string DutyDue = "duty.due";
    public const string OfficerAssessment = "duty.officerAssessment";
    public const string ExchangeRateMissing = "rate.exchangeRateMissing";

    public const string RiskHit = "risk.hit";

    /// <summary>
    /// Officer-only: the same document has an open referral, or a session referred or abandoned within the
    /// configured window, at any kiosk (decision 0008). The traveller is told only to see an officer.
    /// </summary>
    public const string PreviouslyReferred = "risk.previouslyReferred";

    /// <summary>The declared arrival date is more than a day from the day at the airport (decision 0008).</summary>
    public const string ArrivalDateMismatch = "declaration.arrivalDateMismatch";
    public const string RandomSelection = "selection.random";
    public const string InternalError = "internal.error";
}
