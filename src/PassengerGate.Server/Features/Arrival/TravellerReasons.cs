using PassengerGate.Contracts.Kiosk;
using PassengerGate.Domain.Risk;
using PassengerGate.Domain.Sessions;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// The one place where the service turns a session's reasons into what a kiosk may show the traveller
/// (docs/decisions/0007-traveller-safe-reasons.md). An allow-list: only the codes below get a reason of
/// their own; everything else — risk hits, watchlist and lost/stolen matches, random selection, a cloned
/// chip (CHIP_AA_* and CHIP_CA_*, never listed below), officer decisions, any code added later — becomes <see cref="TravellerReason.SeeOfficer"/>.
/// The generic reason is shown only when nothing specific is, so its presence never hints at a hidden second reason.
/// </summary>
public static class TravellerReasons
{
    private static readonly Dictionary<string, TravellerReason> Allowed = new(StringComparer.Ordinal)
    {
        [ArrivalStepCodes.MrzCheckDigit] = TravellerReason.PassportNotRead,
        [ArrivalStepCodes.MrzUnreadable] = TravellerReason.PassportNotRead,
        [ArrivalStepCodes.DocumentExpired] = TravellerReason.PassportExpired,
        [ArrivalStepCodes.DocumentNotChip] = TravellerReason.NotChipPassport,
        [ArrivalStepCodes.ChipReadFailed] = TravellerReason.ChipNotRead,
        [ArrivalStepCodes.FaceNotReported] = TravellerReason.FaceNotConfirmed,
        [ArrivalStepCodes.FaceQuality] = TravellerReason.FaceNotConfirmed,
        [ArrivalStepCodes.FaceNotMatched] = TravellerReason.FaceNotMatched,
        [ArrivalStepCodes.LivenessFailed] = TravellerReason.FaceNotConfirmed,
        [ArrivalStepCodes.FaceLivenessFailed] = TravellerReason.FaceNotConfirmed,
        [ArrivalStepCodes.HeightNotReported] = TravellerReason.ServiceProblem,
        [ArrivalStepCodes.ChildBelowHeight] = TravellerReason.BelowEgateHeight,
        [ArrivalStepCodes.InternalError] = TravellerReason.ServiceProblem,
        [ArrivalStepCodes.SessionAbandoned] = TravellerReason.SessionEnded,
        [ArrivalStepCodes.SessionTimeout] = TravellerReason.SessionEnded,

        [ReferralCodes.DocumentNotVerified] = TravellerReason.PassportNotVerified,
        [ReferralCodes.DocumentNotChip] = TravellerReason.NotChipPassport,
        [ReferralCodes.FaceNotMatched] = TravellerReason.FaceNotMatched,
        [ReferralCodes.LivenessFailed] = TravellerReason.FaceNotConfirmed,
        [ReferralCodes.ChildBelowHeight] = TravellerReason.BelowEgateHeight,
        [ReferralCodes.UnaccompaniedBaggage] = TravellerReason.UnaccompaniedBaggage,
        [ReferralCodes.DeclaredProhibitedOrRestricted] = TravellerReason.DeclaredProhibitedOrRestricted,
        [ReferralCodes.DeclaredGold] = TravellerReason.DeclaredGold,
        [ReferralCodes.DeclaredOverAllowance] = TravellerReason.DeclaredOverAllowance,
        [ReferralCodes.DeclaredCommercialGoods] = TravellerReason.DeclaredCommercialGoods,
        [ReferralCodes.DeclaredCarriedForSomeoneElse] = TravellerReason.DeclaredCarriedForSomeoneElse,
        [ReferralCodes.DeclaredPaymentMeans] = TravellerReason.DeclaredPaymentMeans,
        [ReferralCodes.DeclaredUnaccompaniedBaggage] = TravellerReason.DeclaredUnaccompaniedBaggage,
        [ReferralCodes.OverAllowance] = TravellerReason.OverAllowance,
        [ReferralCodes.DutyDue] = TravellerReason.DutyDue,
        [ReferralCodes.OfficerAssessment] = TravellerReason.DutyAssessedByOfficer,
        [ReferralCodes.ExchangeRateMissing] = TravellerReason.DutyAssessedByOfficer,
        [ReferralCodes.InternalError] = TravellerReason.ServiceProblem,
    };

    /// <summary>
    /// The <see cref="ReferralCodes"/> that officers alone may see: a traveller must not learn that a risk rule fired
    /// (watchlist, lost/stolen, APIS rules all arrive as risk.hit), that they were randomly selected or referred before.
    /// An arrival date that is not today is the officer's to explain at the counter (decision 0008).
    /// </summary>
    public static IReadOnlyCollection<string> OfficerOnlyReferralCodes { get; } = [ReferralCodes.RiskHit, ReferralCodes.RandomSelection, ReferralCodes.PreviouslyReferred, ReferralCodes.ArrivalDateMismatch];

    /// <summary>Every code with a traveller reason of its own (for tests and the decision record).</summary>
    public static IReadOnlyCollection<string> AllowedCodes => Allowed.Keys;

    /// <summary>The traveller reason for one code: its own where allowed, a failed passive authentication as "not verified", else the generic one.</summary>
    public static TravellerReason For(string? code)
    {
        if (code is null)
        {
            return TravellerReason.SeeOfficer;
        }

        if (Allowed.TryGetValue(code, out var reason))
        {
            return reason;
        }

        return code.StartsWith(ArrivalStepCodes.PassiveAuthenticationPrefix, StringComparison.Ordinal) && code.Length > ArrivalStepCodes.PassiveAuthenticationPrefix.Length
            ? TravellerReason.PassportNotVerified
            : TravellerReason.SeeOfficer;
    }

    /// <summary>
    /// What the kiosk gets for a session's reasons: each traveller reason once, in order; the generic one only if
    /// nothing specific remains; for a referral without any reason, the generic one.
    /// </summary>
    public static IReadOnlyList<TravellerReason> ForKiosk(IEnumerable<SessionReason> reasons, string? lane)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        var all = reasons.Select(r => For(r.Code)).Distinct().ToList();
        var specific = all.Where(r => r != TravellerReason.SeeOfficer).ToList();
        if (specific.Count > 0)
        {
            return specific;
        }

        return all.Count > 0 || (lane is not null && lane != "green") ? [TravellerReason.SeeOfficer] : [];
    }
}
