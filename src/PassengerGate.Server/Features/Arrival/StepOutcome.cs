using PassengerGate.Contracts;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Domain.Sessions;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// What one step of a session decided: the reasons it gives (for a referral: every one), facts to
/// keep, identity read from the document, or a problem that leaves the session as it was (a
/// forged QR: the passenger may try again).
/// </summary>
public sealed record StepOutcome
{
    public IReadOnlyList<SessionReason> Reasons { get; init; } = [];

    public ArrivalSessionFacts Facts { get; init; } = new();

    public string? DocumentNumber { get; init; }

    public string? HolderName { get; init; }

    public Reason? Problem { get; init; }

    /// <summary>The active liveness challenge for the face step, sent to the kiosk with the answer.</summary>
    public LivenessChallenge? Liveness { get; init; }

    /// <summary>With a refused declaration: every field the service would not accept.</summary>
    public IReadOnlyList<DeclarationFieldError>? FieldErrors { get; init; }

    /// <summary>The declaration answered "yes" to the payment-means question: a currency declaration follows (decision 0022).</summary>
    public bool CurrencyDeclarationExpected { get; init; }

    /// <summary>With a decided declaration that owes duty or has a line for an officer: for the traveller's slip.</summary>
    public DutyEstimate? Duty { get; init; }
}
