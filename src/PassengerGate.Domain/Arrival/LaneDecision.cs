using PassengerGate.Domain.Risk;

namespace PassengerGate.Domain.Arrival;

/// <summary>
/// Green or red, with every reason listed for the officer (DOMAIN.md §1 "Lane decision"): green only when
/// the document verified, the face matched with liveness, the declaration raises nothing, no duty is due
/// and no risk rule fired. Any missing input is an internal error and red.
/// </summary>
public sealed record LaneDecision(Lane Lane, DecisionScope Scope, IReadOnlyList<ReferralReason> Reasons)
{
    public static LaneDecision For(GateChecks? checks, ArrivalAssessment? assessment)
    {
        var reasons = new List<ReferralReason>();
        if (checks is null)
        {
            reasons.Add(new ReferralReason(ReferralCodes.InternalError, "no check results from the kiosk"));
        }
        else
        {
            Check(reasons, checks.DocumentVerified, "documentVerified", ReferralCodes.DocumentNotVerified, "the travel document was not verified");
            Check(reasons, checks.IsChipPassport, "isChipPassport", ReferralCodes.DocumentNotChip, "not an IC (chip) passport: not eligible for the e-gate");
            Check(reasons, checks.FaceMatched, "faceMatched", ReferralCodes.FaceNotMatched, "the face did not match the chip portrait");
            Check(reasons, checks.LivenessPassed, "livenessPassed", ReferralCodes.LivenessFailed, "the liveness check failed");
            Check(reasons, checks.ChildBelowHeight is { } below ? !below : null, "childBelowHeight", ReferralCodes.ChildBelowHeight, "child below the e-gate height: not eligible for the e-gate");
            if (checks.RiskHits is null)
            {
                reasons.Add(new ReferralReason(ReferralCodes.InternalError, "check not reported: riskHits"));
            }
            else
            {
                reasons.AddRange(checks.RiskHits.Select(hit => new ReferralReason(ReferralCodes.RiskHit, "risk rule fired: " + hit)));
            }

            Check(reasons, checks.RandomlySelected is { } random ? !random : null, "randomlySelected", ReferralCodes.RandomSelection, "randomly selected for inspection");
        }

        AddAssessment(reasons, assessment);
        return new LaneDecision(reasons.Count == 0 ? Lane.Green : Lane.Red, DecisionScope.Full, reasons);
    }

    /// <summary>The declaration alone (document and face not checked): red when the declaration or its duty would send the traveller to an officer.</summary>
    public static LaneDecision ForDeclaration(ArrivalAssessment? assessment)
    {
        var reasons = new List<ReferralReason>();
        AddAssessment(reasons, assessment);
        return new LaneDecision(reasons.Count == 0 ? Lane.Green : Lane.Red, DecisionScope.Declaration, reasons);
    }

    private static void AddAssessment(List<ReferralReason> reasons, ArrivalAssessment? assessment)
    {
        if (assessment is null)
        {
            reasons.Add(new ReferralReason(ReferralCodes.InternalError, "no declaration assessment"));
            return;
        }

        reasons.AddRange(assessment.Reasons);
        if (assessment.Incomplete && !assessment.Reasons.Any(r => r.Code is ReferralCodes.InternalError or ReferralCodes.ExchangeRateMissing))
        {
            reasons.Add(new ReferralReason(ReferralCodes.InternalError, "the declaration assessment is incomplete"));
        }
    }

    /// <summary>A check that passed adds nothing; one that failed adds its reason; one not reported is an internal error.</summary>
    private static void Check(List<ReferralReason> reasons, bool? passed, string name, string code, string text)
    {
        if (passed is null)
        {
            reasons.Add(new ReferralReason(ReferralCodes.InternalError, "check not reported: " + name));
        }
        else if (!passed.Value)
        {
            reasons.Add(new ReferralReason(code, text));
        }
    }
}
