namespace PassengerGate.Contracts.Kiosk;

/// <summary>
/// The outcome of face verification on the kiosk: scores and flags only, never an image or a
/// descriptor. The service applies its own threshold to <see cref="FaceResult.Score"/>.
/// </summary>
public sealed record SubmitFaceResult(Guid SessionId, Guid CommandId, FaceResult Result);

/// <param name="Score">Similarity of the best live frame to the chip portrait (1 − Euclidean distance of face descriptors).</param>
/// <param name="Threshold">The threshold the kiosk used (from the service); informative only.</param>
/// <param name="QualityOk">One face, size, pose, sharpness and exposure within limits.</param>
/// <param name="Real">Passive anti-spoofing model (advisory: it scores a still photo as real). Null when not measured.</param>
/// <param name="Live">Passive liveness model (advisory: it scores a still photo as live). Null when not measured.</param>
/// <param name="ChildBelowHeight">The kiosk judged the passenger below the e-gate height limit.</param>
/// <param name="Active">The active liveness challenge as observed by the kiosk; null when not run (always referred).</param>
public sealed record FaceResult(
    double Score,
    double Threshold,
    bool QualityOk,
    IReadOnlyList<string> QualityProblems,
    bool? Real,
    bool? Live,
    int FramesUsed,
    bool? ChildBelowHeight,
    ActiveLivenessResult? Active = null);
