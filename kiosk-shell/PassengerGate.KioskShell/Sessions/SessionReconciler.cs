using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.KioskShell.Service;

namespace PassengerGate.KioskShell.Sessions;

/// <summary>
/// Sessions whose passenger was sent to the counter because the service did not answer in time.
/// The call in flight keeps being retried with its own ids (the service answers a repeat with what it
/// recorded), then the session is abandoned with one fixed command id, so the service closes it as
/// "not green" exactly once, whatever it had recorded before the link dropped.
/// </summary>
public sealed class SessionReconciler(ServiceLink link, KioskScreenState screen, ILogger<SessionReconciler> logger)
{
    private static readonly TimeSpan ReconcileDeadline = TimeSpan.FromHours(1);
    private int _pending;

    public int Pending => Volatile.Read(ref _pending);

    public void Track(Guid sessionId, Task inFlight, string reason)
    {
        ArgumentNullException.ThrowIfNull(inFlight);
        Interlocked.Increment(ref _pending);
        screen.Update(s => s with { AwaitingReconciliation = Pending });
        _ = ReconcileAsync(sessionId, inFlight, reason);
    }

    private async Task ReconcileAsync(Guid sessionId, Task inFlight, string reason)
    {
        try
        {
            try
            {
                await inFlight;
            }
            catch (Exception ex) when (ex is HubException or TimeoutException)
            {
                logger.LogWarning("Session {SessionId}: the interrupted call was refused ({Message}); abandoning it", sessionId, ex.Message);
            }

            var closed = await link.InvokeAsync<SessionUpdate>(nameof(IKioskHub.AbandonSession), new AbandonSession(sessionId, Guid.NewGuid(), reason), ReconcileDeadline, CancellationToken.None);
            logger.LogInformation("Session {SessionId} reconciled with the service: {State} {Lane}", sessionId, closed.State, closed.Lane);
        }
        catch (Exception ex)
        {
            logger.LogError("Session {SessionId} could not be reconciled: {Message}", sessionId, ex.GetBaseException().Message);
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
            screen.Update(s => s with { AwaitingReconciliation = Pending });
        }
    }
}
