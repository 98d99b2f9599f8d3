using Microsoft.Extensions.Options;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.KioskShell.Service;

namespace PassengerGate.KioskShell.Sessions;

/// <summary>
/// One call of a passenger's session to the service, with the passenger's patience as deadline.
/// No answer in time (or an error) is the counter, never the gate: the passenger is told so at once
/// and the session is handed to the <see cref="SessionReconciler"/>, which closes it once the link is back.
/// </summary>
public sealed class SessionCalls(ServiceLink link, SessionReconciler reconciler, IOptions<KioskOptions> options, TimeProvider clock, ILogger<SessionCalls> logger)
{
    private static readonly TimeSpan ReconcileDeadline = TimeSpan.FromHours(1);

    /// <summary>One step of the session, called on the typed hub (<see cref="IKioskHub"/>): <c>hub =&gt; hub.SubmitDocument(…)</c>.</summary>
    public async Task<SessionUpdate> CallAsync(Guid sessionId, Func<IKioskHub, Task<SessionUpdate>> call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var work = call(link.Hub(ReconcileDeadline, giveUp.Token));
        var first = await Task.WhenAny(work, Task.Delay(options.Value.ServiceDeadline, clock, ct));
        if (first == work && work.IsCompletedSuccessfully)
        {
            return work.Result;
        }

        if (work.IsFaulted)
        {
            logger.LogError(work.Exception.GetBaseException(), "A call failed for session {SessionId}; passenger sent to the counter", sessionId);
        }

        // The passenger is told "counter" now: stop re-sending this step, so it cannot decide the session later.
        await giveUp.CancelAsync();
        reconciler.Track(sessionId, work, "service-unreachable");
        return Unavailable(sessionId);
    }

    /// <summary>
    /// The Chip Authentication key agreement for the DG14 just read (decision 0014), within the service deadline; null on
    /// any failure, so the chip read carries on and the service, finding no CA answer, refers the passenger.
    /// </summary>
    public async Task<ChipAuthenticationKeyAgreement?> RequestChipAuthenticationAsync(Guid sessionId, byte[] dg14, CancellationToken ct)
    {
        try
        {
            return await link.Hub(options.Value.ServiceDeadline, ct).RequestChipAuthentication(new RequestChipAuthentication(sessionId, dg14));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "No chip authentication key agreement for session {SessionId}", sessionId);
            return null;
        }
    }

    public static SessionUpdate Unavailable(Guid sessionId) =>
        new(sessionId, SessionState.ServiceUnavailable, SessionLane.Red, [TravellerReason.ServiceUnavailable]);
}
