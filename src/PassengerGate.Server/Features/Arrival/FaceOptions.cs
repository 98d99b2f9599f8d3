namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// Face-match settings (section "Face"). The threshold is the service's: kiosks receive it, but the
/// service decides with its own copy. Default from the separation measured on shared/faces
/// (ARCHITECTURE.md: genuine ≥ 0.456, impostor ≤ 0.301; docs/performance.md "Face matching").
/// </summary>
public sealed class FaceOptions
{
    public double Threshold { get; set; } = 0.38;
}
