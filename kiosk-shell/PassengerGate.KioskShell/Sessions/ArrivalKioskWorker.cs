using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Hardware.Simulators.Passengers;
using PassengerGate.KioskShell.Service;

namespace PassengerGate.KioskShell.Sessions;

/// <summary>
/// Runs arrival sessions one passenger after another. The lane shown is the service's decision;
/// when the service does not answer in time the passenger goes to the counter, and the session's
/// calls keep being retried in the background until the service has recorded them (once).
/// </summary>
public sealed class ArrivalKioskWorker(
    ServiceLink link,
    KioskScreenState screen,
    IOptions<KioskOptions> options,
    TimeProvider clock,
    ILogger<ArrivalKioskWorker> logger) : BackgroundService
{
    private static readonly TimeSpan ReconcileDeadline = TimeSpan.FromHours(1);
    private readonly KioskOptions _options = options.Value;
    private int _reconciling;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.PassengerInterval <= TimeSpan.Zero)
        {
            return;
        }

        var passengers = new SyntheticPassengers(_options.Seed, _options.CorruptedShare, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        _ = Task.Run(() => link.ConnectAsync(stoppingToken), stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!link.IsConnected)
            {
                // Out of service: no passenger is taken while the service cannot decide.
                screen.Update(s => s with { Link = link.RefusedReason is null ? "disconnected" : "refused", Step = "Out of service", Lane = null, Reasons = link.RefusedReason is null ? [] : [link.RefusedReason], Passenger = null });
                await Task.Delay(500, stoppingToken);
                continue;
            }

            var passenger = passengers.Next();
            await ProcessAsync(passenger, stoppingToken);
            await Task.Delay(_options.PassengerInterval, stoppingToken);
        }
    }

    /// <summary>One passenger: open a session, send the MRZ, show the service's answer.</summary>
    public async Task<SessionUpdate> ProcessAsync(SyntheticPassenger passenger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(passenger);
        var sessionId = Guid.NewGuid();
        var commandId = Guid.NewGuid();
        screen.Update(s => s with { Link = "connected", Step = "Reading passport", Lane = null, Reasons = [], Passenger = $"{passenger.Surname} {passenger.GivenNames}" });

        var work = RunSessionAsync(sessionId, commandId, passenger, ct);
        var first = await Task.WhenAny(work, Task.Delay(_options.ServiceDeadline, ct));
        SessionUpdate update;
        if (first == work && work.IsCompletedSuccessfully)
        {
            update = work.Result;
        }
        else
        {
            // Fail-safe: no answer (or an error) means the counter, never the gate.
            update = new SessionUpdate(sessionId, "ServiceUnavailable", "red", [new PassengerGate.Contracts.Reason("SERVICE_UNAVAILABLE", "The kiosk could not reach the customs service; please go to the counter.")]);
            if (!work.IsCompleted)
            {
                Interlocked.Increment(ref _reconciling);
                _ = work.ContinueWith(
                    t =>
                    {
                        Interlocked.Decrement(ref _reconciling);
                        screen.Update(s => s with { AwaitingReconciliation = Volatile.Read(ref _reconciling) });
                        if (t.IsCompletedSuccessfully)
                        {
                            logger.LogInformation("Session {SessionId} reconciled with the service: {State}", sessionId, t.Result.State);
                        }
                        else
                        {
                            logger.LogError("Session {SessionId} could not be reconciled: {Error}", sessionId, t.Exception?.GetBaseException().Message);
                        }
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.None,
                    TaskScheduler.Default);
            }
            else if (work.IsFaulted)
            {
                logger.LogError(work.Exception, "Session {SessionId} failed; passenger sent to the counter", sessionId);
            }
        }

        screen.Update(s => s with
        {
            Step = update.Lane == "green" ? "Proceed to the e-gate" : "Please go to the customs counter",
            Lane = update.Lane == "green" ? "green" : "red",
            Reasons = update.Reasons.Select(r => r.Text).ToList(),
            Processed = s.Processed + 1,
            AwaitingReconciliation = Volatile.Read(ref _reconciling),
        });
        return update;
    }

    private async Task<SessionUpdate> RunSessionAsync(Guid sessionId, Guid commandId, SyntheticPassenger passenger, CancellationToken ct)
    {
        try
        {
            await link.InvokeAsync<SessionUpdate>(nameof(IKioskHub.OpenArrivalSession), new OpenArrivalSession(sessionId), ReconcileDeadline, ct);
            return await link.InvokeAsync<SessionUpdate>(nameof(IKioskHub.SubmitDocument), new SubmitDocument(sessionId, commandId, passenger.MrzLines), ReconcileDeadline, ct);
        }
        catch (HubException ex)
        {
            logger.LogError("Service refused session {SessionId}: {Message}", sessionId, ex.Message);
            throw;
        }
    }
}
