using System.Text.Json;
using System.Text.Json.Serialization;

namespace PassengerGate.Contracts.Kiosk;

/// <summary>
/// Why a traveller was sent to the counter, as the traveller may read it on the kiosk and the slip: a closed set,
/// each worded in the kiosk's languages. Risk hits, watchlist and lost/stolen matches, APIS, rule ids and random
/// selection have no value of their own: they reach the kiosk only as <see cref="SeeOfficer"/>, so the traveller is
/// never tipped off (docs/decisions/0007-traveller-safe-reasons.md). On the wire: camelCase names ("seeOfficer").
/// </summary>
[JsonConverter(typeof(TravellerReasonJsonConverter))]
public enum TravellerReason
{
    /// <summary>"Please see a customs officer", with no why: every officer-only reason and every unknown one.</summary>
    SeeOfficer,
    PassportNotRead,
    PassportNotVerified,
    PassportExpired,
    ChipNotRead,
    NotChipPassport,
    FaceNotMatched,
    FaceNotConfirmed,
    BelowEgateHeight,
    UnaccompaniedBaggage,
    DeclaredProhibitedOrRestricted,
    DeclaredGold,
    DeclaredOverAllowance,
    DeclaredCommercialGoods,
    DeclaredCarriedForSomeoneElse,
    DeclaredPaymentMeans,
    DeclaredUnaccompaniedBaggage,
    OverAllowance,
    DutyDue,
    DutyAssessedByOfficer,
    SessionEnded,
    ServiceProblem,

    /// <summary>Set by the kiosk itself: the service did not answer in time.</summary>
    ServiceUnavailable,

    /// <summary>Set by the kiosk itself: the service's steps ended without a lane.</summary>
    Undecided,
}

/// <summary>camelCase names, no numbers: a value the reader does not know is an error, never a silent other reason.</summary>
public sealed class TravellerReasonJsonConverter() : JsonStringEnumConverter<TravellerReason>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
