using PassengerGate.Contracts.Kiosk;

namespace PassengerGate.KioskShell.Flows;

/// <summary>
/// The departure tax-free export check (issue 12; decision 0021, "At the kiosk"): the passport and chip steps as on arrival,
/// so the records are found by a verified passport, then the service's check (each record confirmable, expired or excluded,
/// and the lane: green confirms the export, red sends the traveller to show the goods), the records on the screen in the
/// traveller's language, and the slip. The service's session stops before the face step: the kiosk abandons it once the
/// check is answered, and a passport the service did not verify sends the traveller to the desk.
/// </summary>
public sealed class TaxFreeFlow : IKioskFlow
{
    public KioskFlowId Id => KioskFlowId.TaxFree;

    public string TitleKey => "startTaxFree";

    public IReadOnlyList<KioskStep> Steps { get; } = [KioskStep.Passport, KioskStep.Chip, KioskStep.TaxFreeCheck, KioskStep.Slip];

    /// <summary>None of the arrival session's later steps (face, customs declaration) belong to a departure.</summary>
    public KioskStep? StepFor(SessionStep asked) => null;
}
