using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.KioskShell.Service;

namespace PassengerGate.KioskShell.Sessions;

/// <summary>
/// Sessions whose passenger was sent to the counter because the service did not answer in time. The call
/// that was in flight is given up (so it cannot release the passenger later, behind their back); once the
/// link is back the session is opened again (idempotent: the kiosk chose its id) and abandoned with one
/// fixed command id, so the service records it exactly once and never as green.
/// </summary>
public sealed class SessionReconciler(ServiceLink link, KioskScreenState screen, ILogger<SessionReconciler> logger)
{
    private static readonly TimeSpan ReconcileDeadline = TimeSpan.FromHours(1);
    private int _pending;

    public int Pending => Volatile.Read(ref _pending);

    public void Track(Guid sessionId, Task abandonedCall, string reason)
    {
        ArgumentNullException.ThrowIfNull(abandonedCall);
        Interlocked.Increment(ref _pending);
        screen.Update(s => s with { AwaitingReconciliation = Pending });
        _ = ReconcileAsync(sessionId, abandonedCall, reason);
    }

    private async Task ReconcileAsync(Guid sessionId, Task abandonedCall, string reason)
    {
        try
        {
            // Let the given-up call finish unwinding first, so the abandon cannot overtake it on the wire.
            await abandonedCall.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            var hub = link.Hub(ReconcileDeadline, CancellationToken.None);
            var open = await hub.OpenArrivalSession(new OpenArrivalSession(sessionId));
            var closed = await hub.AbandonSession(new AbandonSession(sessionId, Guid.NewGuid(), reason));
            if (open.Lane == SessionLane.Green)
            {
                // The service released the passenger before the link dropped, but the kiosk never showed it: they went to the counter.
                logger.LogWarning("Session {SessionId} was released by the service but the passenger was sent to the counter", sessionId);
            }

            logger.LogInformation("Session {SessionId} reconciled with the service: {State}", sessionId, closed.State);
        }
        catch (Exception ex) when (ex is HubException or TimeoutException or InvalidOperationException)
        {
            logger.LogError("Session {SessionId} could not be reconciled: {Message}", sessionId, ex.Message);
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
            screen.Update(s => s with { AwaitingReconciliation = Pending });
        }
    }
}
