using PassengerGate.Contracts.Kiosk;

namespace PassengerGate.KioskShell.Flows;

/// <summary>The arrival flow, the first registered: the service's arrival session decides the order after the passport.</summary>
public sealed class ArrivalFlow : IKioskFlow
{
    public KioskFlowId Id => KioskFlowId.Arrival;

    public string TitleKey => "startArrival";

    public IReadOnlyList<KioskStep> Steps { get; } = [KioskStep.Passport, KioskStep.Chip, KioskStep.Face, KioskStep.Declaration, KioskStep.Slip];

    public KioskStep? StepFor(SessionStep asked) => asked switch
    {
        SessionStep.Face => KioskStep.Face,
        SessionStep.Declaration => KioskStep.Declaration,
        _ => null,
    };
}
