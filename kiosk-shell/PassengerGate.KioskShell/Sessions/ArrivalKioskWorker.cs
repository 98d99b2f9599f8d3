using Microsoft.Extensions.Options;
using PassengerGate.Contracts;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Hardware.Simulators.Passengers;
using PassengerGate.KioskShell.Chip;
using PassengerGate.KioskShell.Devices;
using PassengerGate.KioskShell.Service;
using PassengerGate.KioskShell.Ui;

namespace PassengerGate.KioskShell.Sessions;

/// <summary>
/// Run mode: while no touch UI is attached, synthetic passengers go through the kiosk one after another,
/// end to end — a simulated IC passport read over its chip, a simulated face result, a declaration with
/// nothing to declare — following the service's <see cref="SessionUpdate.Next"/>. The lane shown is the
/// service's decision; no answer in time is the counter (<see cref="SessionCalls"/>).
/// </summary>
public sealed class ArrivalKioskWorker(
    ServiceLink link,
    SessionCalls calls,
    SimulatedPassports passports,
    PassportChipReader chipReader,
    KioskScreenState screen,
    UiPresence ui,
    IOptions<KioskOptions> options,
    TimeProvider clock) : BackgroundService
{
    private readonly KioskOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.PassengerInterval <= TimeSpan.Zero)
        {
            return;
        }

        var passengers = new SyntheticPassengers(_options.Seed, _options.CorruptedShare, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!link.IsConnected || ui.Attached)
            {
                // Out of service: no passenger is taken while the service cannot decide (or a person is at the screen).
                screen.Update(s => s with { Link = link.IsConnected ? "connected" : link.RefusedReason is null ? "disconnected" : "refused", Step = ui.Attached ? "Touch UI attached" : "Out of service", Lane = null, Reasons = link.RefusedReason is null ? [] : [link.RefusedReason], Passenger = null });
                await Task.Delay(TimeSpan.FromMilliseconds(500), clock, stoppingToken);
                continue;
            }

            await ProcessAsync(passengers.Next(), stoppingToken);
            await Task.Delay(_options.PassengerInterval, clock, stoppingToken);
        }
    }

    /// <summary>One passenger, end to end. Returns the service's last answer (or the counter when it did not answer).</summary>
    public async Task<SessionUpdate> ProcessAsync(SyntheticPassenger passenger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(passenger);
        var sessionId = Guid.NewGuid();
        screen.Update(s => s with { Link = "connected", Step = "Reading passport", Lane = null, Reasons = [], Passenger = $"{passenger.Surname} {passenger.GivenNames}" });
        var passport = passports.Issue(passenger);

        var update = await calls.CallAsync(sessionId, nameof(IKioskHub.OpenArrivalSession), new OpenArrivalSession(sessionId), ct);
        if (update.Lane is null)
        {
            var chip = await chipReader.ReadAsync(passport.MrzLines, passport.Chip!, _ => { }, ct);
            update = await calls.CallAsync(sessionId, nameof(IKioskHub.SubmitDocument), new SubmitDocument(sessionId, Guid.NewGuid(), passport.MrzLines, chip.Reading), ct);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        for (var steps = 0; update.Lane is null && steps < 10; steps++)
        {
            update = update.Next switch
            {
                "face" => await calls.CallAsync(sessionId, nameof(IKioskHub.SubmitFaceResult), new SubmitFaceResult(sessionId, Guid.NewGuid(), SimulatedPassengerAnswers.Face(_options.FaceThreshold)), ct),
                "declaration" => await calls.CallAsync(sessionId, nameof(IKioskHub.SubmitDeclaration), new SubmitDeclaration(sessionId, Guid.NewGuid(), null, SimulatedPassengerAnswers.Declaration(passenger, today)), ct),
                _ => await calls.CallAsync(sessionId, nameof(IKioskHub.AbandonSession), new AbandonSession(sessionId, Guid.NewGuid(), $"kiosk-cannot-do-{update.Next ?? "nothing"}"), ct),
            };
        }

        if (update.Lane is null)
        {
            update = update with { Lane = "red", Reasons = [new Reason("UNDECIDED", "The service did not decide; please go to the counter.")] };
        }

        screen.Update(s => s with
        {
            Step = update.Lane == "green" ? "Proceed to the e-gate" : "Please go to the customs counter",
            Lane = update.Lane == "green" ? "green" : "red",
            Reasons = update.Reasons.Select(r => r.Text).ToList(),
            Processed = s.Processed + 1,
        });
        return update;
    }
}
