using System.Globalization;
using System.Text.Json;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Hardware.Simulators.Passengers;

namespace PassengerGate.Hardware.Simulators.Passengers;

/// <summary>
/// What a synthetic passenger "does" at a kiosk without a touch UI (run mode): a face result as the
/// camera would have produced for the passport's holder, and a declaration with nothing to declare
/// (docs/arrival-declaration-schema.md, version 1).
/// </summary>
public static class SimulatedPassengerAnswers
{
    /// <summary>The holder in front of the camera: a score well above any sensible threshold, good quality, real and live, the challenge done.</summary>
    public static FaceResult Face(double threshold, LivenessChallenge? challenge) =>
        new(Score: Math.Min(1.0, threshold + 0.25), Threshold: threshold, QualityOk: true, QualityProblems: [], Real: true, Live: true, FramesUsed: 5, ChildBelowHeight: false, Active: AnsweredChallenge(challenge));

    /// <summary>Someone else in front of the camera: a score in the impostor range measured on shared/faces (≤ 0.30).</summary>
    public static FaceResult Impostor(double threshold, LivenessChallenge? challenge) =>
        new(Score: 0.21, Threshold: threshold, QualityOk: true, QualityProblems: [], Real: true, Live: true, FramesUsed: 5, ChildBelowHeight: false, Active: AnsweredChallenge(challenge));

    /// <summary>A live person doing what was asked: turn and blink well beyond the service's minimums (FaceOptions).</summary>
    public static ActiveLivenessResult? AnsweredChallenge(LivenessChallenge? challenge) => challenge is null
        ? null
        : new(challenge, challenge.Turn, BlinkObserved: challenge.Blink, TurnShift: challenge.Turn == LivenessTurn.Left ? 0.5 : -0.5, BlinkDrop: challenge.Blink ? 0.6 : 0, RigidResidual: 0.05, FramesAnalysed: 30, Failure: null);

    public static string Declaration(SyntheticPassenger passenger, DateOnly arrival) => Declaration(passenger, arrival, SimulatedProfile.NothingToDeclare);

    public static string Declaration(SyntheticPassenger passenger, DateOnly arrival, SimulatedProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(passenger);
        var declaration = new
        {
            schemaVersion = 1,
            declarant = new { role = "self" },
            header = new
            {
                flightOrVessel = profile.Flight,
                embarkationPoint = profile.Embarkation,
                arrivalDate = arrival.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                name = $"{passenger.GivenNames} {passenger.Surname}",
                addressInJapan = "Narita Airport, Chiba",
                nationality = passenger.Nationality,
                dateOfBirth = passenger.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                passportNumber = passenger.DocumentNumber,
            },
            answers = new
            {
                prohibitedOrRestricted = false,
                goldBullionOrProducts = false,
                overDutyFreeAllowance = profile.Goods != "{}",
                commercialGoodsOrSamples = profile.CommercialGoods,
                carriedForSomeoneElse = false,
                paymentMeansOverThreshold = false,
                unaccompaniedBaggage = false,
            },
            goods = JsonDocument.Parse(profile.Goods).RootElement,
        };
        return JsonSerializer.Serialize(declaration);
    }
}
