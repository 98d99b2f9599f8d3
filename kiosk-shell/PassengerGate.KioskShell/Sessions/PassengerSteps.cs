using PassengerGate.Contracts.Kiosk;
using PassengerGate.Hardware.Kiosk;
using PassengerGate.KioskShell.Chip;
using PassengerGate.KioskShell.Flows;

namespace PassengerGate.KioskShell.Sessions;

/// <summary>
/// The kiosk's one step loop, for the touch UI and run mode alike (decision 0019, "One step loop"): open the service's
/// session, read the chip with the service's challenge, submit the document, then take each step the service's
/// <see cref="SessionUpdate.Next"/> asks for that the flow can take, answered by the <see cref="IPassengerInput"/>. A step
/// the flow cannot take, or a session still undecided after <see cref="MaxSteps"/> answers, is abandoned on the service:
/// the passenger goes to an officer, never to the gate. Every call is bounded by <see cref="SessionCalls"/>' deadline.
/// </summary>
public sealed class PassengerSteps(SessionCalls calls, PassportChipReader chipReader)
{
    /// <summary>How many answers one session may take after the document (a refused declaration comes back as a step).</summary>
    public const int MaxSteps = 10;

    /// <summary>The session after the document step, and what the chip gave (null for a passport without a chip).</summary>
    public sealed record DocumentStep(SessionUpdate Update, ChipDocument? Chip);

    /// <summary>Opens the session for <paramref name="passport"/>, reads its chip and submits the document.</summary>
    public async Task<DocumentStep> DocumentAsync(Guid sessionId, PassportPresentation passport, IPassengerInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(passport);
        ArgumentNullException.ThrowIfNull(input);
        var update = await input.WhileWorkingAsync(() => calls.CallAsync(sessionId, hub => hub.OpenArrivalSession(new OpenArrivalSession(sessionId)), ct));
        if (update.Lane is not null)
        {
            return new DocumentStep(update, null);
        }

        input.SessionOpened(sessionId);
        var challenge = update.ChipChallenge;
        var chip = passport.Chip is not { } card
            ? null
            : await input.WhileWorkingAsync(() => chipReader.ReadAsync(passport.MrzLines, card, challenge, input.ChipProgress, ct, (dg14, token) => calls.RequestChipAuthenticationAsync(sessionId, dg14, token)));
        update = await DecideAsync(sessionId, hub => hub.SubmitDocument(new SubmitDocument(sessionId, Guid.NewGuid(), passport.MrzLines, chip?.Reading)), input, ct);
        return new DocumentStep(update, chip);
    }

    /// <summary>
    /// The steps after the document, in the order the service asks for them, until it decides a lane. The result always has
    /// a lane: the service's, or red (<see cref="TravellerReason.Undecided"/>) for a session the kiosk abandoned.
    /// </summary>
    public async Task<SessionUpdate> FollowServiceAsync(IKioskFlow flow, Guid sessionId, DocumentStep document, IPassengerInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(input);
        var update = document.Update;
        for (var steps = 0; update.Lane is null && steps < MaxSteps; steps++)
        {
            var asked = update;
            update = (asked.Next is { } next ? flow.StepFor(next) : null) switch
            {
                KioskStep.Face => await input.FaceAsync(document.Chip?.Portrait, asked.Liveness, ct) is { } face
                    ? await DecideAsync(sessionId, hub => hub.SubmitFaceResult(new SubmitFaceResult(sessionId, Guid.NewGuid(), face)), input, ct)
                    : await AbandonAsync(sessionId, "kiosk-cannot-do-face", ct),
                KioskStep.Declaration => await DecideAsync(sessionId, (await input.DeclarationAsync(sessionId, asked, ct)).Submission(sessionId), input, ct),
                _ => await AbandonAsync(sessionId, $"kiosk-cannot-do-{asked.Next?.ToString() ?? "nothing"}", ct),
            };
        }

        // A passenger who could not correct what the service refused (a specimen nationality, a currency without this
        // week's rate, ten times over) ends on the service too, so the session is not left undecided until the stale sweep.
        if (update.Lane is null)
        {
            update = await AbandonAsync(sessionId, "kiosk-gave-up-after-refused-steps", ct);
        }

        // An abandoned session has no lane on the service; the passenger is shown the counter.
        return update.Lane is null ? update with { Lane = SessionLane.Red, Reasons = [TravellerReason.Undecided] } : update;
    }

    /// <summary>Ends an undecided session on the service (never green); the answer is the counter either way.</summary>
    public Task<SessionUpdate> AbandonAsync(Guid sessionId, string reason, CancellationToken ct) =>
        calls.CallAsync(sessionId, hub => hub.AbandonSession(new AbandonSession(sessionId, Guid.NewGuid(), reason)), ct);

    private async Task<SessionUpdate> DecideAsync(Guid sessionId, Func<IKioskHub, Task<SessionUpdate>> call, IPassengerInput input, CancellationToken ct)
    {
        input.ServiceAsked();
        return await input.WhileWorkingAsync(() => calls.CallAsync(sessionId, call, ct));
    }
}
