using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Data;
using PassengerGate.Data.Arrival;
using PassengerGate.Domain.Documents;
using PassengerGate.Domain.Sessions;
using PassengerGate.Server.Features.Referrals;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// The kiosk sends the MRZ it read. The service checks it itself and moves the session on.
/// For now the document is the only check there is, so a readable MRZ whose check digits all
/// hold is released and anything else is referred with each error as a reason. Any failure
/// inside refers the passenger (fail-safe), never releases.
/// A command id seen before is answered with the stored answer: nothing is processed twice.
/// </summary>
public sealed class SubmitDocumentHandler(
    ArrivalSessionStore sessions,
    ReferralNotifier notifier,
    TimeProvider clock,
    ILogger<SubmitDocumentHandler> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<SessionUpdate> HandleAsync(string kioskId, SubmitDocument request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await sessions.FindResponseAsync(request.CommandId, ct) is { } earlier)
        {
            return JsonSerializer.Deserialize<SessionUpdate>(earlier, Json)!;
        }

        var row = await sessions.LoadAsync(request.SessionId, ct) ?? throw new HubException("Unknown session; open it first.");
        if (!string.Equals(row.KioskId, kioskId, StringComparison.Ordinal))
        {
            throw new HubException("This session belongs to another kiosk.");
        }

        var session = ArrivalSession.Restore(row.SessionId, row.KioskId, Enum.Parse<ArrivalState>(row.State), row.Sequence);
        if (session.IsDecided)
        {
            return SessionUpdates.From(session, []);
        }

        var actor = $"kiosk:{kioskId}";
        var now = clock.GetUtcNow();
        MrzResult? mrz = null;
        List<SessionReason> reasons;
        try
        {
            mrz = MrzParser.Parse(request.MrzLines ?? [], DateOnly.FromDateTime(now.UtcDateTime));
            reasons = mrz.Errors.Select(ToReason).ToList();
            if (reasons.Count == 0)
            {
                session.AcceptDocument(actor, now);
                session.Release("service:lane-rules", now);
            }
            else
            {
                session.Refer(reasons, "service:document-check", now);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Document check failed for session {SessionId}; referring to an officer", session.Id);
            session = ArrivalSession.Restore(row.SessionId, row.KioskId, Enum.Parse<ArrivalState>(row.State), row.Sequence);
            reasons = [SessionReason.InternalError("document check")];
            session.Refer(reasons, "service:fail-safe", now);
        }

        var update = SessionUpdates.From(session, reasons);
        var name = mrz is null ? null : $"{mrz.Surname} {mrz.GivenNames}".Trim();
        try
        {
            var referral = await sessions.SaveAsync(
                new ArrivalSessionStore.SaveRequest(session, row.Sequence, NullIfEmpty(mrz?.DocumentNumber), NullIfEmpty(name), request.CommandId, JsonSerializer.Serialize(update, Json), now),
                ct);
            if (referral is not null)
            {
                await notifier.ReferralRaisedAsync(referral, CancellationToken.None);
            }
        }
        catch (ConcurrencyConflictException)
        {
            // Another call for the same session won the race (e.g. a duplicate after reconnect):
            // answer with what it recorded.
            if (await sessions.FindResponseAsync(request.CommandId, ct) is { } recorded)
            {
                return JsonSerializer.Deserialize<SessionUpdate>(recorded, Json)!;
            }

            var current = await sessions.LoadAsync(request.SessionId, ct);
            return new SessionUpdate(request.SessionId, current?.State ?? row.State, current?.Lane, []);
        }

        logger.LogInformation("Session {SessionId} at kiosk {KioskId}: {State} lane {Lane} reasons {Reasons}", session.Id, kioskId, session.State, session.Lane, string.Join(',', reasons.Select(r => r.Code)));
        return update;
    }

    private static SessionReason ToReason(MrzError error) => error.Message.Contains("check digit", StringComparison.OrdinalIgnoreCase)
        ? new SessionReason("MRZ_CHECK_DIGIT", $"The passport's machine-readable zone failed a check: {error.Field} — {error.Message}.")
        : new SessionReason("MRZ_UNREADABLE", $"The passport's machine-readable zone could not be read: {error.Field} — {error.Message}.");

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
