using System.Globalization;
using Microsoft.Extensions.Options;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Data.Arrival;
using PassengerGate.Domain.Sessions;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// The kiosk reports how the live face compared with the chip portrait. Only numbers and flags
/// arrive here, never an image. The service applies its own threshold; quality and the active liveness
/// challenge it issued (head turn and blink, docs/decisions/0010) must have been measured and passed, or
/// the passenger goes to an officer. The passive anti-spoofing/liveness models are kept as advisory facts
/// only: they score a still photo as live (docs/performance.md). A referral carries what the document step's risk
/// screen found (<see cref="CarriedRisk"/>).
/// </summary>
public sealed class SubmitFaceResultHandler(ArrivalSessionRunner runner, ArrivalSessionStore sessions, IOptions<FaceOptions> options)
{
    public Task<SessionUpdate> HandleAsync(string kioskId, SubmitFaceResult request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return runner.RunAsync(kioskId, request.SessionId, request.CommandId, "face", (session, now, token) => DecideAsync(session, request.Result, now, token), ct);
    }

    private async Task<StepOutcome> DecideAsync(ArrivalSession session, FaceResult? face, DateTimeOffset now, CancellationToken ct)
    {
        if (session.State != ArrivalState.DocumentVerified)
        {
            return new StepOutcome { Problem = new("OUT_OF_ORDER", $"A face result is not expected now (session is {session.State}).") };
        }

        var storedFacts = await sessions.LoadTypedFactsAsync(session.Id, ct);
        var issued = storedFacts.LivenessChallenge;
        var threshold = options.Value.Threshold;
        var reasons = new List<SessionReason>();
        if (face is null || double.IsNaN(face.Score))
        {
            reasons.Add(new(ArrivalStepCodes.FaceNotReported, "The kiosk did not report a face comparison."));
        }
        else
        {
            if (!face.QualityOk)
            {
                reasons.Add(new(ArrivalStepCodes.FaceQuality, $"The face capture was not good enough ({string.Join(", ", face.QualityProblems)})."));
            }

            if (face.Score < threshold)
            {
                reasons.Add(new(ArrivalStepCodes.FaceNotMatched, $"The face did not match the passport chip portrait (score {face.Score:0.000} below {threshold:0.000})."));
            }

            if (options.Value.ActiveLiveness)
            {
                if (LivenessFailure(issued, face.Active) is { } failure)
                {
                    reasons.Add(new(ArrivalStepCodes.FaceLivenessFailed, failure));
                }
            }
            else if (face.Real != true || face.Live != true)
            {
                // Face:ActiveLiveness off (tests about other behaviours): the passive models alone, as before decision 0010.
                reasons.Add(new(ArrivalStepCodes.LivenessFailed, face.Real is null || face.Live is null
                    ? "Liveness or anti-spoofing was not measured."
                    : "The liveness or anti-spoofing check failed."));
            }

            if (face.ChildBelowHeight != false)
            {
                reasons.Add(face.ChildBelowHeight is null
                    ? new(ArrivalStepCodes.HeightNotReported, "The kiosk did not report the e-gate height check.")
                    : new(ArrivalStepCodes.ChildBelowHeight, "Child below the e-gate height: not eligible for the e-gate."));
            }
        }

        var facts = new ArrivalSessionFacts
        {
            Face = face is null ? null : new FaceFacts(face.Score, face.Threshold, threshold, face.QualityOk, face.QualityProblems, face.Real, face.Live, face.FramesUsed, face.ChildBelowHeight, face.Active),
        };
        if (reasons.Count > 0)
        {
            reasons.AddRange(CarriedRisk.From(storedFacts).Reasons);
            session.Refer(reasons, "service:face-check", now);
        }
        else
        {
            session.VerifyFace("service:face-check", now);
        }

        return new StepOutcome { Reasons = reasons, Facts = facts };
    }

    /// <summary>
    /// Null when the kiosk saw the head turn the service asked for, and a blink, each by at least the
    /// service's own minimum; otherwise why not. The kiosk's echo of the challenge is not trusted.
    /// </summary>
    private string? LivenessFailure(LivenessChallenge? issued, ActiveLivenessResult? active)
    {
        var o = options.Value;
        if (issued is null)
        {
            return "No liveness challenge was issued for this session.";
        }

        if (active is null)
        {
            return "The liveness challenge was not run.";
        }

        var problems = new List<string>();
        if (active.Failure is { Length: > 0 } failure)
        {
            problems.Add(failure);
        }

        var shift = issued.Turn == LivenessTurn.Left ? active.TurnShift : -active.TurnShift;
        if (active.TurnObserved != issued.Turn || !(shift >= o.MinTurnShift))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"head turn {issued.Turn} not seen (observed {active.TurnObserved?.ToString() ?? "none"}, shift {active.TurnShift:0.000})"));
        }

        if (issued.Blink && (!active.BlinkObserved || !(active.BlinkDrop >= o.MinBlinkDrop)))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"blink not seen (eye opening drop {active.BlinkDrop:0.000})"));
        }

        return problems.Count == 0 ? null : $"The liveness challenge failed: {string.Join("; ", problems)}.";
    }
}
