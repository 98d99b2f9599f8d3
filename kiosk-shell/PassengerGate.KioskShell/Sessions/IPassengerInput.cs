using PassengerGate.Contracts.Kiosk;
using PassengerGate.Icao.Lds;

namespace PassengerGate.KioskShell.Sessions;

/// <summary>
/// The passenger's side of one session, as <see cref="PassengerSteps"/> (the kiosk's one step loop) asks for it: what
/// the passenger answers at each step the service asks for, and what they are shown while the kiosk or the service works.
/// The touch UI (<see cref="KioskConversation"/>) asks the person at the screen; run mode (<see cref="ArrivalKioskWorker"/>)
/// a synthetic passenger (<see cref="SyntheticPassengerInput"/>). Decision 0019, "One step loop".
/// </summary>
public interface IPassengerInput
{
    /// <summary>The service opened the session: from now on a passenger who leaves must be abandoned on the service (never green).</summary>
    void SessionOpened(Guid sessionId);

    /// <summary>The chip read's progress, 0–100.</summary>
    void ChipProgress(int percent);

    /// <summary>The service is deciding a step the passenger gave: "checking with customs…", never "reading passport".</summary>
    void ServiceAsked();

    /// <summary>
    /// Work the passenger waits for, the kiosk's or the service's (opening the session, the chip read, a decision): the
    /// passenger is not idle meanwhile. Each such wait is bounded by its own deadline.
    /// </summary>
    Task<T> WhileWorkingAsync<T>(Func<Task<T>> work);

    /// <summary>
    /// The face check against the chip portrait (null when the chip gave none), with the service's liveness challenge;
    /// null when this passenger's face cannot be checked here, which abandons the session (an officer, never the gate).
    /// Only the scores leave: the portrait and the camera images stay on the kiosk.
    /// </summary>
    Task<FaceResult?> FaceAsync(FacePortrait? portrait, LivenessChallenge? challenge, CancellationToken ct);

    /// <summary>
    /// The customs declaration, asked again with the service's <see cref="SessionUpdate.Problem"/> and
    /// <see cref="SessionUpdate.FieldErrors"/> when it refused the last one.
    /// </summary>
    Task<DeclarationAnswer> DeclarationAsync(Guid sessionId, SessionUpdate asked, CancellationToken ct);
}

/// <summary>
/// What the passenger declared: a pre-declaration code as scanned (<see cref="Qr"/>), the form's JSON, or — the Canadian
/// model, decision 0020 — a pre-declaration reviewed and certified at the kiosk (<see cref="Qr"/> and <see cref="Json"/>).
/// </summary>
public sealed record DeclarationAnswer(string? Qr, string? Json)
{
    public static DeclarationAnswer Scanned(string qr) => new(qr, null);

    public static DeclarationAnswer Form(string json) => new(null, json);

    public static DeclarationAnswer Certified(string qr, string json) => new(qr, json);

    /// <summary>The hub call that submits it.</summary>
    internal Func<IKioskHub, Task<SessionUpdate>> Submission(Guid sessionId) => Qr is { } qr && Json is { } json
        ? hub => hub.SubmitEditedPreDeclaration(new SubmitEditedPreDeclaration(sessionId, Guid.NewGuid(), qr, json))
        : hub => hub.SubmitDeclaration(new SubmitDeclaration(sessionId, Guid.NewGuid(), Qr, Json));
}
