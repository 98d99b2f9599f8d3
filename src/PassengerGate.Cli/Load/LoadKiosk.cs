using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.Hardware.Simulators.Kiosk;
using PassengerGate.Hardware.Simulators.Passengers;

namespace PassengerGate.Cli.Load;

/// <summary>
/// One simulated kiosk: its own hub connection, one passenger after another with no pause, each a whole arrival
/// session on the real path — open, the chip read by the real ICAO reader from a freshly issued simulated passport
/// (answering the service's Active Authentication challenge and running Chip Authentication with the service's key
/// agreement), the face result (answering the service's liveness challenge as the run mode does), the declaration (typed at the kiosk, or pre-declared on the phone page and scanned as
/// the signed QR) — following the service's next step, as the kiosk's run mode does. Every hub call and every whole
/// session is timed; a session that ends without a lane, or a call that throws, is an error.
/// </summary>
public sealed class LoadKiosk(string kioskId, HubConnection connection, HttpClient phone, SimulatedPassports passports, LoadTally tally, Latencies latencies, LoadOptions options, DateOnly today, int seed)
{
    private readonly KioskHubClient _hub = new KioskHubClient((method, type, args) => Timed(latencies, method, () => connection.InvokeCoreAsync(method, type, args)));

    public string KioskId => kioskId;

    public async Task RunAsync(CancellationToken stop)
    {
        var passengers = new SyntheticPassengers(seed, options.Mix == LoadMix.All ? 0.05 : 0, today);
        var profiles = new Random(seed);
        var threshold = (await _hub.GetSettings()).FaceThreshold;
        while (!stop.IsCancellationRequested)
        {
            var profile = options.Mix switch
            {
                LoadMix.Ordinary => SimulatedProfile.NothingToDeclare,
                LoadMix.Referred => SimulatedProfile.NothingToDeclare with { Name = "face mismatch", FaceMatches = false },
                _ => SimulatedProfile.Pick(profiles),
            };
            var started = Stopwatch.GetTimestamp();
            var recording = latencies.Recording;
            try
            {
                var lane = await SessionAsync(passengers.Next(), profile, threshold);
                var whollySteady = recording && latencies.Recording;
                if (whollySteady)
                {
                    latencies.Record("session", Stopwatch.GetElapsedTime(started));
                }

                tally.Session(whollySteady, lane);
            }
            catch (Exception ex) when (!stop.IsCancellationRequested || ex is not OperationCanceledException)
            {
                tally.Error(recording, $"{kioskId}: {ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    private async Task<SessionLane> SessionAsync(SyntheticPassenger passenger, SimulatedProfile profile, double threshold)
    {
        if (profile.DocumentNumber is { } number)
        {
            var lines = SyntheticPassengers.Td3(passenger.Nationality, passenger.Surname, passenger.GivenNames, number, passenger.DateOfBirth, passenger.Sex, passenger.ExpiryDate);
            passenger = passenger with { DocumentNumber = number, MrzLines = lines, MrzCorrupted = false };
        }

        var sessionId = Guid.NewGuid();
        var passport = passports.Issue(passenger, fault: profile.Fault, activeAuthentication: AaKeyType.EcdsaP256);
        var update = await _hub.OpenArrivalSession(new OpenArrivalSession(sessionId));
        if (update.Lane is null)
        {
            ChipReading chip;
            try
            {
                chip = await SimulatedChipRead.ReadAsync(passport.Chip!, passport.MrzLines, update.ChipChallenge, (dg14, _) => _hub.RequestChipAuthentication(new RequestChipAuthentication(sessionId, dg14)), CancellationToken.None);
            }
            catch (Exception ex) when (ex is Icao.Apdu.ChipCommunicationException or FormatException or System.Security.Cryptography.CryptographicException or InvalidOperationException)
            {
                // A chip fault the simulator was told to make: the kiosk sends what it could not read and the service refers.
                chip = new ChipReading("NONE", [], new Dictionary<int, byte[]>(), null, null, ex.Message);
            }

            update = await _hub.SubmitDocument(new SubmitDocument(sessionId, Guid.NewGuid(), passport.MrzLines, chip));
        }

        for (var steps = 0; update.Lane is null && steps < 10; steps++)
        {
            update = update.Next switch
            {
                SessionStep.Face => await _hub.SubmitFaceResult(new SubmitFaceResult(sessionId, Guid.NewGuid(), profile.FaceMatches ? SimulatedPassengerAnswers.Face(threshold, update.Liveness) : SimulatedPassengerAnswers.Impostor(threshold, update.Liveness))),
                SessionStep.Declaration => await DeclareAsync(sessionId, passenger, profile),
                _ => await _hub.AbandonSession(new AbandonSession(sessionId, Guid.NewGuid(), $"kiosk-cannot-do-{update.Next?.ToString() ?? "nothing"}")),
            };
        }

        return update.Lane ?? throw new InvalidOperationException($"session {sessionId} ended without a lane (next {update.Next}, problem {update.Problem?.Code})");
    }

    private async Task<SessionUpdate> DeclareAsync(Guid sessionId, SyntheticPassenger passenger, SimulatedProfile profile)
    {
        var json = SimulatedPassengerAnswers.Declaration(passenger, today, profile);
        string? qr = null;
        if (profile.PreDeclared)
        {
            var started = Stopwatch.GetTimestamp();
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await phone.PostAsync(new Uri("/api/predeclarations", UriKind.Relative), content);
            latencies.Record("POST /api/predeclarations", Stopwatch.GetElapsedTime(started));
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"the phone page's POST /api/predeclarations answered {(int)response.StatusCode}");
            }

            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            qr = body.RootElement.GetProperty("qrText").GetString();
        }

        return await _hub.SubmitDeclaration(new SubmitDeclaration(sessionId, Guid.NewGuid(), qr, qr is null ? json : null));
    }

    private static async Task<object?> Timed(Latencies latencies, string method, Func<Task<object?>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var answer = await call();
        latencies.Record(method, Stopwatch.GetElapsedTime(started));
        return answer;
    }
}
