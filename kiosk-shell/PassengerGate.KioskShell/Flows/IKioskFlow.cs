using PassengerGate.Contracts.Kiosk;

namespace PassengerGate.KioskShell.Flows;

/// <summary>
/// One flow the kiosk offers on its first screen: its id, the key of its title in the traveller catalogue (i18n/), and the
/// steps it takes in order, drawn from the shared <see cref="KioskStep"/>s. A flow is registered in the kiosk's services
/// (KioskHost) and offered only when Kiosk:Flows enables it (<see cref="KioskFlows"/>).
/// </summary>
public interface IKioskFlow
{
    KioskFlowId Id { get; }

    /// <summary>The traveller catalogue's key for the button that starts this flow.</summary>
    string TitleKey { get; }

    /// <summary>The steps in the order the passenger meets them.</summary>
    IReadOnlyList<KioskStep> Steps { get; }

    /// <summary>
    /// The kiosk step that answers the service's <paramref name="asked"/>, or null when this flow cannot take it
    /// (the session is then abandoned and the passenger goes to an officer, never green).
    /// </summary>
    KioskStep? StepFor(SessionStep asked);
}
