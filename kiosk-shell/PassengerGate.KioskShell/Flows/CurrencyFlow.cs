using PassengerGate.Contracts.Kiosk;

namespace PassengerGate.KioskShell.Flows;

/// <summary>
/// The departure currency flow (issue 11, decision 0022 "Kiosk screens"): the passport and chip steps as on arrival, so the
/// declaration is bound to a verified passport (FATF R.32 INR: the bearer's identity), then the currency form, its review
/// by the service, the declaration number and the slip. The service's session stops before the face step: the kiosk
/// abandons it once the declaration is stored, and a passport the service did not verify sends the traveller to the desk.
/// </summary>
public sealed class CurrencyFlow : IKioskFlow
{
    public KioskFlowId Id => KioskFlowId.Currency;

    public string TitleKey => "startCurrency";

    public IReadOnlyList<KioskStep> Steps { get; } = [KioskStep.Passport, KioskStep.Chip, KioskStep.CurrencyDeclaration, KioskStep.Slip];

    /// <summary>None of the arrival session's later steps (face, customs declaration) belong to a departure.</summary>
    public KioskStep? StepFor(SessionStep asked) => null;
}
