using PassengerGate.Contracts;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Contracts.TaxFree;
using PassengerGate.KioskShell.Flows;

namespace PassengerGate.KioskShell.Ui;

/// <summary>
/// Everything the touch UI shows, pushed whole by the host on each change (the UI keeps no session
/// data of its own). <see cref="Generation"/> changes whenever a passenger's data is wiped, so the
/// page clears anything it drew. Screens: outOfService, welcome, placePassport, readingChip, face,
/// declaration, result.
/// </summary>
public sealed record UiState
{
    public UiScreen Screen { get; init; } = UiScreen.OutOfService;

    public string Language { get; init; } = "ja";

    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Why the kiosk is out of service (a code the UI translates): serviceUnreachable, deviceFault, remote, refused.</summary>
    public string? OutOfServiceCode { get; init; }

    /// <summary>The flow the passenger is in; null on the first screen.</summary>
    public KioskFlowId? Flow { get; init; }

    /// <summary>The flows the first screen offers (registered and enabled, decision 0019); with one, no chooser is shown.</summary>
    public IReadOnlyList<FlowChoice> Flows { get; init; } = [];

    public bool Family { get; init; }

    /// <summary>1-based position of the passenger being processed in a family group.</summary>
    public int Member { get; init; }

    public IReadOnlyList<MemberOutcome> Members { get; init; } = [];

    public int ChipPercent { get; init; }

    /// <summary>Loopback URL of the chip portrait for the face check; null outside the face step.</summary>
    public string? PortraitUrl { get; init; }

    public double FaceThreshold { get; init; }

    /// <summary>The service's liveness challenge for the face step (head turn and blink); null outside it.</summary>
    public LivenessChallenge? Liveness { get; init; }

    public DeclarationPrefill? Prefill { get; init; }

    public SessionLane? Lane { get; init; }

    /// <summary>Traveller-safe reasons only (the service never sends the kiosk an officer's reason).</summary>
    public IReadOnlyList<TravellerReason> Reasons { get; init; } = [];

    /// <summary>The last input was refused but the passenger may try again (e.g. an unreadable QR).</summary>
    public Reason? Problem { get; init; }

    /// <summary>With a refused declaration: each field the service would not accept (decision 0017), worded by the page.</summary>
    public IReadOnlyList<DeclarationFieldError> FieldErrors { get; init; } = [];

    /// <summary>
    /// The declaration JSON the form shows filled in: a scanned pre-declaration under review, or what the traveller sent
    /// before the service refused it (decision 0020); null for an empty form.
    /// </summary>
    public string? Draft { get; init; }

    /// <summary>The form shows a scanned pre-declaration to review, change and certify (the Canadian model, decision 0020).</summary>
    public bool Reviewing { get; init; }

    public long? CaseNumber { get; init; }

    /// <summary>"departure" or "arrival" while the currency form is shown (decision 0022, "Kiosk screens"); null otherwise.</summary>
    public string? CurrencyDirection { get; init; }

    /// <summary>The service's answer to the currency declaration, shown on the result; null when none was made.</summary>
    public CurrencyOutcome? Currency { get; init; }

    /// <summary>
    /// The service's tax-free check on the <see cref="UiScreen.TaxFreeResult"/> screen: the traveller's own records and the
    /// lane (no reason for red: that is staff's, decision 0007); null there when the service did not answer (the desk).
    /// </summary>
    public TaxFreeDepartureOutcome? TaxFree { get; init; }

    public bool SlipPrinted { get; init; }

    public AccessibilityModes Accessibility { get; init; } = new();

    public int Generation { get; init; }
}
