using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Data;
using PassengerGate.Data.Arrival;
using PassengerGate.Domain.Sessions;
using PassengerGate.Server.Features.Audit;
using PassengerGate.Server.Features.Observability;
using PassengerGate.Server.Features.Referrals;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// Runs one step of an arrival session the same way for every use case:
/// a command id seen before gets its stored answer (nothing is processed twice); the session is
/// loaded and must belong to the calling kiosk; the step decides; the transitions, facts and
/// answer are saved in one transaction; a referral is pushed to officers.
/// Fail-safe: if the step throws, the passenger is referred with INTERNAL_ERROR, never released.
/// </summary>
public sealed class ArrivalSessionRunner(
    ArrivalSessionStore sessions,
    ReferralNotifier notifier,
    LaneDecisionAudit laneAudit,
    ServiceMetrics metrics,
    TimeProvider clock,
    ILogger<ArrivalSessionRunner> logger)
{
    private static readonly JsonSerializerOptions Json = ContractJson.Configure(new(JsonSerializerDefaults.Web));

    public delegate Task<StepOutcome> SessionStep(ArrivalSession session, DateTimeOffset now, CancellationToken ct);

    public async Task<SessionUpdate> RunAsync(string kioskId, Guid sessionId, Guid commandId, string stepName, SessionStep step, CancellationToken ct)
    {
        if (commandId == Guid.Empty)
        {
            throw new HubException("A command id is required.");
        }

        var start = await sessions.LoadStepStartAsync(commandId, sessionId, ct);
        if (start.Earlier is { } earlier)
        {
            // A stored answer is for the kiosk and session that sent the command, and no one else (decision 0008).
            if (!earlier.IsFor(kioskId, sessionId))
            {
                logger.LogWarning("Kiosk {KioskId} reused command id {CommandId} on session {SessionId}; it was processed for another session", kioskId, commandId, sessionId);
                throw new HubException("This command id was already used; send a new one.");
            }

            return Replay(earlier);
        }

        var row = start.Session ?? throw new HubException("Unknown session; open it first.");
        if (!string.Equals(row.KioskId, kioskId, StringComparison.Ordinal))
        {
            logger.LogWarning("Kiosk {KioskId} tried {Step} on session {SessionId} of kiosk {Owner}", kioskId, stepName, sessionId, row.KioskId);
            throw new HubException("This session belongs to another kiosk.");
        }

        var session = Restore(row);
        if (session.IsDecided)
        {
            return new SessionUpdate(session.Id, SessionUpdates.StateOf(session.State), SessionUpdates.LaneOf(session.Lane), [], null);
        }

        var now = clock.GetUtcNow();
        StepOutcome outcome;
        try
        {
            outcome = await step(session, now, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Step {Step} failed for session {SessionId}; referring to an officer", stepName, sessionId);
            session = Restore(row);
            outcome = new StepOutcome { Reasons = [SessionReason.InternalError(stepName)] };
            session.Refer(outcome.Reasons, "service:fail-safe", now);
        }

        var update = new SessionUpdate(
            session.Id,
            SessionUpdates.StateOf(session.State),
            SessionUpdates.LaneOf(session.Lane),
            TravellerReasons.ForKiosk(outcome.Reasons, session.Lane),
            SessionUpdates.StepOf(session.NextStep),
            outcome.Problem,
            FieldErrors: outcome.FieldErrors,
            CurrencyDeclarationExpected: outcome.CurrencyDeclarationExpected,
            Duty: outcome.Duty,
            Liveness: session.NextStep == "face" ? outcome.Liveness : null);
        try
        {
            var referral = await sessions.SaveAsync(
                new ArrivalSessionStore.SaveRequest(session, row.Sequence, outcome.DocumentNumber, outcome.HolderName, commandId, JsonSerializer.Serialize(update, Json), now)
                {
                    FactsJson = outcome.Facts.ToJson(),
                },
                ct);
            if (referral is not null)
            {
                update = update with { CaseNumber = referral.CaseNumber };
                await notifier.ReferralRaisedAsync(referral, CancellationToken.None);
            }

            await laneAudit.RecordAsync(session, kioskId, stepName, referral?.CaseNumber, outcome.Reasons.Select(r => r.Code).ToList(), now);
            if (row.Lane is null && session.Lane is { } lane)
            {
                metrics.SessionDecided(green: string.Equals(lane, "green", StringComparison.Ordinal));
            }
        }
        catch (ConcurrencyConflictException)
        {
            // Another call moved the session first (e.g. a duplicate after a reconnect): answer with what was recorded.
            if (await sessions.FindResponseAsync(commandId, ct) is { } recorded && recorded.IsFor(kioskId, sessionId))
            {
                return Replay(recorded);
            }

            var current = await sessions.LoadAsync(sessionId, ct);
            return new SessionUpdate(sessionId, SessionUpdates.StateOf(current?.State ?? row.State), SessionUpdates.LaneOf(current?.Lane), [], null);
        }

        // One Information line per decided session (its lane and reasons); the steps before it at Debug, so that logging
        // does not cost a passenger (docs/performance.md).
        var level = session.Lane is null ? LogLevel.Debug : LogLevel.Information;
        if (logger.IsEnabled(level))
        {
            logger.Log(
                level,
                "Session {SessionId} at kiosk {KioskId} after {Step}: {State} lane {Lane} reasons {Reasons}",
                session.Id, kioskId, stepName, session.State, session.Lane, string.Join(',', outcome.Reasons.Select(r => r.Code)));
        }
        return update;
    }

    /// <summary>The answer as first sent, with the referral's case number (a red answer is stored before the number exists).</summary>
    private static SessionUpdate Replay(ArrivalSessionStore.ProcessedCommand command)
    {
        var answer = JsonSerializer.Deserialize<SessionUpdate>(command.Response, Json)!;
        return answer.Lane == SessionLane.Red && answer.CaseNumber is null ? answer with { CaseNumber = command.CaseNumber } : answer;
    }

    private static ArrivalSession Restore(ArrivalSessionStore.SessionRow row) =>
        ArrivalSession.Restore(row.SessionId, row.KioskId, Enum.Parse<ArrivalState>(row.State), row.Sequence);
}
