using PassengerGate.Contracts;
using PassengerGate.Contracts.Kiosk;

namespace PassengerGate.KioskShell.Ui;

/// <summary>
/// Everything the touch UI shows, pushed whole by the host on each change (the UI keeps no session
/// data of its own). <see cref="Generation"/> changes whenever a passenger's data is wiped, so the
/// page clears anything it drew. Screens: outOfService, welcome, placePassport, readingChip, face,
/// declaration, result.
/// </summary>
public sealed record UiState
{
    public string Screen { get; init; } = "outOfService";

    public string Language { get; init; } = "ja";

    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Why the kiosk is out of service (a code the UI translates): serviceUnreachable, deviceFault, remote, refused.</summary>
    public string? OutOfServiceCode { get; init; }

    /// <summary>"arrival" now; departure flows slot in as further values.</summary>
    public string? Flow { get; init; }

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

    public string? Lane { get; init; }

    /// <summary>Traveller-safe reasons only (the service never sends the kiosk an officer's reason).</summary>
    public IReadOnlyList<TravellerReason> Reasons { get; init; } = [];

    /// <summary>The last input was refused but the passenger may try again (e.g. an unreadable QR).</summary>
    public Reason? Problem { get; init; }

    /// <summary>With a refused declaration: each field the service would not accept (decision 0017), worded by the page.</summary>
    public IReadOnlyList<DeclarationFieldError> FieldErrors { get; init; } = [];

    public long? CaseNumber { get; init; }

    public bool SlipPrinted { get; init; }

    public AccessibilityModes Accessibility { get; init; } = new();

    public int Generation { get; init; }
}
