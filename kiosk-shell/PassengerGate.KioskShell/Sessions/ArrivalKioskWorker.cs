using Microsoft.Extensions.Options;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Documents.Slips;
using PassengerGate.Domain.Time;
using PassengerGate.Hardware.Simulators.Kiosk;
using PassengerGate.Hardware.Simulators.Passengers;
using PassengerGate.KioskShell.Devices;
using PassengerGate.KioskShell.Flows;
using PassengerGate.KioskShell.Service;
using PassengerGate.KioskShell.Ui;

namespace PassengerGate.KioskShell.Sessions;

/// <summary>
/// Run mode: while no touch UI is attached, synthetic passengers go through the kiosk one after another,
/// end to end — a simulated IC passport read over its chip, then the steps the service asks for, answered by a
/// <see cref="SyntheticPassengerInput"/> through the kiosk's one step loop (<see cref="PassengerSteps"/>, as the touch UI).
/// The lane shown is the service's decision; no answer in time is the counter (<see cref="SessionCalls"/>).
/// </summary>
public sealed class ArrivalKioskWorker(
    ServiceLink link,
    PassengerSteps steps,
    SimulatedPassports passports,
    KioskScreenState screen,
    UiPresence ui,
    IOptions<KioskOptions> options,
    TimeProvider clock,
    AirportClock airport) : BackgroundService
{
    private readonly KioskOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.PassengerInterval <= TimeSpan.Zero)
        {
            return;
        }

        var passengers = new SyntheticPassengers(_options.Seed, _options.CorruptedShare, airport.Today);
        var profiles = new Random(_options.Seed);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!link.IsConnected || ui.Attached)
            {
                // Out of service: no passenger is taken while the service cannot decide (or a person is at the screen).
                screen.Update(s => s with { Link = link.IsConnected ? "connected" : link.RefusedReason is null ? "disconnected" : "refused", Step = ui.Attached ? "Touch UI attached" : "Out of service", Lane = null, Reasons = link.RefusedReason is null ? [] : [link.RefusedReason], Passenger = null });
                await Task.Delay(TimeSpan.FromMilliseconds(500), clock, stoppingToken);
                continue;
            }

            var profile = string.Equals(_options.TravellerMix, "ordinary", StringComparison.OrdinalIgnoreCase) ? SimulatedProfile.NothingToDeclare : SimulatedProfile.Pick(profiles);
            await ProcessAsync(passengers.Next(), profile, stoppingToken);
            await Task.Delay(_options.PassengerInterval, clock, stoppingToken);
        }
    }

    /// <summary>One passenger, end to end. Returns the service's last answer (or the counter when it did not answer).</summary>
    public Task<SessionUpdate> ProcessAsync(SyntheticPassenger passenger, CancellationToken ct) => ProcessAsync(passenger, SimulatedProfile.NothingToDeclare, ct);

    /// <summary>One passenger of the given kind, end to end.</summary>
    public async Task<SessionUpdate> ProcessAsync(SyntheticPassenger passenger, SimulatedProfile profile, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(passenger);
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.DocumentNumber is { } number)
        {
            var lines = SyntheticPassengers.Td3(passenger.Nationality, passenger.Surname, passenger.GivenNames, number, passenger.DateOfBirth, passenger.Sex, passenger.ExpiryDate);
            passenger = passenger with { DocumentNumber = number, MrzLines = lines, MrzCorrupted = false };
        }

        var sessionId = Guid.NewGuid();
        screen.Update(s => s with { Link = "connected", Step = "Reading passport", Lane = null, Reasons = [], Passenger = $"{passenger.Surname} {passenger.GivenNames} ({profile.Name})" });
        var passport = passports.Issue(passenger, fault: profile.Fault);
        var input = new SyntheticPassengerInput(passenger, profile, _options.FaceThreshold, airport.Today, PreDeclareAsync, step => screen.Update(s => s with { Step = step }));
        var document = await steps.DocumentAsync(sessionId, passport, input, ct);
        var update = await steps.FollowServiceAsync(Arrival, sessionId, document, input, ct);

        screen.Update(s => s with
        {
            Step = update.Lane == SessionLane.Green ? "Proceed to the e-gate" : "Please go to the customs counter",
            Lane = update.Lane == SessionLane.Green ? SessionLane.Green : SessionLane.Red,
            Reasons = update.Reasons.Select(r => TravellerReasonWording.For(r).TextEn).ToList(),
            Processed = s.Processed + 1,
        });
        return update;
    }

    /// <summary>
    /// A pre-declared passenger made a QR on the phone page beforehand (here: the same service endpoint the page calls);
    /// null when the phone could not reach it, and the passenger fills the form at the kiosk instead.
    /// </summary>
    private async Task<string?> PreDeclareAsync(string json, CancellationToken ct)
    {
        try
        {
            using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
            using var response = await Phone.PostAsync(new Uri(_options.ServiceUrl, "/api/predeclarations"), content, ct);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            return body.RootElement.GetProperty("qrText").GetString();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static readonly ArrivalFlow Arrival = new();

    private HttpClient? _phone;

    private HttpClient Phone => _phone ??= new HttpClient(ServiceTrust.Handler(_options)) { Timeout = TimeSpan.FromSeconds(10) };
}
