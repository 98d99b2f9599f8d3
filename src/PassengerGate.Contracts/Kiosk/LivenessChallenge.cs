using System.Text.Json.Serialization;

namespace PassengerGate.Contracts.Kiosk;

/// <summary>Which way the passenger is asked to turn the head, from the passenger's own point of view.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LivenessTurn>))]
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
/// What the kiosk observed while the passenger answered the challenge, from the 68 face landmarks
/// tracked across frames. Only numbers: no frame and no landmark leaves the kiosk.
/// </summary>
/// <param name="Challenge">The challenge the kiosk prompted (echoed; the service trusts its own copy).</param>
/// <param name="TurnObserved">The head turn seen (non-rigid: the nose moved against the face outline), or null.</param>
/// <param name="BlinkObserved">The eyelids closed and opened again against the rest of the face.</param>
/// <param name="TurnShift">Largest sideways nose shift against the face outline, as a fraction of the eye distance; + is the passenger's left.</param>
/// <param name="BlinkDrop">Largest drop of the eye opening against the rest of the face, as a fraction of the open eye.</param>
/// <param name="RigidResidual">Median non-rigid residual of the landmarks after the best-fit affine transform, fraction of the eye distance (a flat photo stays near 0).</param>
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
