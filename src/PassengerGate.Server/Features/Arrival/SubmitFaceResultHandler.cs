using Microsoft.Extensions.Options;
using PassengerGate.Data.Arrival;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Domain.Sessions;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// The kiosk reports how the live face compared with the chip portrait. Only numbers and flags
/// arrive here, never an image. The service applies its own threshold; quality, anti-spoofing and
/// liveness must all have been measured and passed, or the passenger goes to an officer, together with what
/// the document step's risk screen found (<see cref="CarriedRisk"/>).
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

        var threshold = options.Value.Threshold;
        var reasons = new List<SessionReason>();
        if (face is null || double.IsNaN(face.Score))
        {
            reasons.Add(new("FACE_NOT_REPORTED", "The kiosk did not report a face comparison."));
        }
        else
        {
            if (!face.QualityOk)
            {
                reasons.Add(new("FACE_QUALITY", $"The face capture was not good enough ({string.Join(", ", face.QualityProblems)})."));
            }

            if (face.Score < threshold)
            {
                reasons.Add(new("FACE_NOT_MATCHED", $"The face did not match the passport chip portrait (score {face.Score:0.000} below {threshold:0.000})."));
            }

            if (face.Real != true || face.Live != true)
            {
                reasons.Add(new("LIVENESS_FAILED", face.Real is null || face.Live is null
                    ? "Liveness or anti-spoofing was not measured."
                    : "The liveness or anti-spoofing check failed."));
            }

            if (face.ChildBelowHeight != false)
            {
                reasons.Add(face.ChildBelowHeight is null
                    ? new("HEIGHT_NOT_REPORTED", "The kiosk did not report the e-gate height check.")
                    : new("CHILD_BELOW_HEIGHT", "Child below the e-gate height: not eligible for the e-gate."));
            }
        }

        var facts = new ArrivalSessionFacts
        {
            Face = face is null ? null : new FaceFacts(face.Score, face.Threshold, threshold, face.QualityOk, face.QualityProblems, face.Real, face.Live, face.FramesUsed, face.ChildBelowHeight),
        };
        if (reasons.Count > 0)
        {
            reasons.AddRange(CarriedRisk.From(await sessions.LoadTypedFactsAsync(session.Id, ct)).Reasons);
            session.Refer(reasons, "service:face-check", now);
        }
        else
        {
            session.VerifyFace("service:face-check", now);
        }

        return new StepOutcome { Reasons = reasons, Facts = facts };
    }
}
