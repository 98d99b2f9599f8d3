namespace PassengerGate.Cli.Face;

/// <summary>
/// The face-match threshold the service hands to kiosks (score = 1 − Euclidean distance between
/// face-api descriptors). Measured before any code existed on the development pairs: every genuine
/// pair ≥ 0.456, every impostor pair ≤ 0.301 (ARCHITECTURE.md "Face matching"); 0.38 sits in the
/// middle of that gap, and docs/performance.md shows it still separates chip-degraded portraits.
/// Demonstrator value: recalibrate on real chip/camera pairs before relying on it.
/// </summary>
public static class FaceMatchDefaults
{
    public const double Threshold = 0.38;
}
