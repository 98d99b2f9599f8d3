using System.Text.Json.Serialization;
using PassengerGate.Contracts.Officer;

namespace PassengerGate.Contracts.Kiosk;

/// <summary>Which way the passenger is asked to turn the head, from the passenger's own point of view. On the wire: "left", "right" (decision 0019).</summary>
[JsonConverter(typeof(CamelCaseNames<LivenessTurn>))]
public enum LivenessTurn
{
    Left,
    Right,
}

/// <summary>
/// The active liveness challenge the service sets for one session (ISO/IEC 30107-1 "challenge-response"
/// presentation attack detection): a head turn the service picks at random, and a blink. It travels in
/// the <see cref="SessionUpdate"/> that asks for the face step; the kiosk prompts it and reports what it
/// observed (<see cref="ActiveLivenessResult"/>), and the service compares that with what it asked.
/// </summary>
public sealed record LivenessChallenge(LivenessTurn Turn, bool Blink);

/// <summary>
/// What the kiosk observed while the passenger answered the challenge, from the 68 face landmarks and the eye
/// regions tracked across frames (docs/decisions/0010). Only numbers: no frame and no landmark leaves the kiosk.
/// </summary>
/// <param name="Challenge">The challenge the kiosk prompted (echoed; the service trusts its own copy).</param>
/// <param name="TurnObserved">The head turn seen (non-planar: the nose moved against the face outline's homography), or null.</param>
/// <param name="BlinkObserved">Both eyes darkened less (lids over the iris) and opened again, within a blink's time.</param>
/// <param name="TurnShift">Largest sustained sideways nose shift against the face outline after its best-fit homography, fraction of the eye distance; + is the passenger's left.</param>
/// <param name="BlinkDrop">Deepest transient drop of both eyes' darkness below the passenger's own open-eye level (0–1).</param>
/// <param name="RigidResidual">Median residual of all landmarks after their best-fit homography, fraction of the eye distance (a flat photo stays near landmark noise).</param>
/// <param name="FramesAnalysed">Frames whose landmarks were tracked.</param>
/// <param name="Failure">Why the kiosk could not complete the check (e.g. "face-lost", "no-face"), or null.</param>
public sealed record ActiveLivenessResult(
    LivenessChallenge? Challenge,
    LivenessTurn? TurnObserved,
    bool BlinkObserved,
    double TurnShift,
    double BlinkDrop,
    double RigidResidual,
    int FramesAnalysed,
    string? Failure);
