using PassengerGate.Contracts.Kiosk;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// Face-match settings (section "Face"). The threshold is the service's: kiosks receive it, but the
/// service decides with its own copy. Default from the separation measured on shared/faces
/// (ARCHITECTURE.md: genuine ≥ 0.456, impostor ≤ 0.301; docs/performance.md "Face matching").
/// </summary>
public sealed class FaceOptions
{
    public double Threshold { get; set; } = 0.38;

    /// <summary>
    /// Face:ActiveLiveness — the head-turn and blink challenge (decision 0010). On by default and in production: without it
    /// a still photo of the holder reaches the e-gate. Off only for tests about other behaviours, which then judge the
    /// passive models alone (FaceResult.Real/Live), as the service did before the challenge.
    /// </summary>
    public bool ActiveLiveness { get; set; } = true;

    /// <summary>
    /// Tests only (Face:FixedLivenessTurn = Left|Right): every session gets this head turn instead of a random
    /// one. Null (the default) in production: a fixed challenge is one a replayed video can learn.
    /// </summary>
    public LivenessTurn? FixedLivenessTurn { get; set; }

    /// <summary>
    /// Smallest sideways shift of the nose against the face outline (fraction of the eye distance, after the
    /// best-fit homography of the outline: the non-planar part of the motion) that counts as a head turn. A flat
    /// photo moved, rotated, zoomed or tilted stays near 0 (docs/performance.md "Presentation attacks").
    /// </summary>
    public double MinTurnShift { get; set; } = 0.3;

    /// <summary>
    /// Smallest drop of both eyes' darkness (iris, pupil, lashes against the skin under the eye), relative to the
    /// passenger's own open eyes, with the eyes open again before and after, that counts as a blink (decision 0010).
    /// </summary>
    public double MinBlinkDrop { get; set; } = 0.5;
}
