using PassengerGate.Contracts;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Domain.Time;
using PassengerGate.Hardware.Simulators.Kiosk;
using PassengerGate.Hardware.Simulators.Passengers;
using PassengerGate.Icao.Lds;
using PassengerGate.KioskShell.Flows;
using PassengerGate.KioskShell.Service;
using PassengerGate.KioskShell.Sessions;
using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.Sessions;

/// <summary>
/// The kiosk's one step loop (<see cref="PassengerSteps"/>, decision 0019 "One step loop"), which the touch UI and run mode
/// both drive through <see cref="IPassengerInput"/>, against the real service: whatever the passenger answers, the session
/// ends with the service's lane, and a session the kiosk cannot finish is abandoned on the service — red, never green,
/// never left undecided.
/// </summary>
public sealed class PassengerStepsTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task A_passenger_who_answers_every_step_is_released_by_the_service()
    {
        var (outcome, input) = await RunAsync("NRT-STEP1", seed: 101, new ArrivalFlow(), declaration: null, face: true);
        Assert.True(outcome.Lane == SessionLane.Green, outcome.Reasons + " " + await db.ScalarAsync<string>($"SELECT coalesce(string_agg(reasons::text, ';'), '') FROM referrals WHERE session_id = '{outcome.SessionId}'"));
        Assert.Equal(1, input.Faces);
        Assert.Equal(1, input.Declarations);
        Assert.Equal("Released", await StateAsync(outcome.SessionId));
    }

    [Fact]
    public async Task A_declaration_the_service_refuses_every_time_ends_abandoned_after_the_last_try()
    {
        // Not a declaration at all: the service asks for it again with its problem, each time.
        var (outcome, input) = await RunAsync("NRT-STEP2", seed: 102, new ArrivalFlow(), declaration: "{\"schemaVersion\":1}", face: true);
        Assert.Equal(SessionLane.Red, outcome.Lane);
        Assert.Equal(PassengerSteps.MaxSteps - 1, input.Declarations);
        Assert.NotNull(input.LastProblem);
        Assert.Equal("Abandoned", await StateAsync(outcome.SessionId));
    }

    [Fact]
    public async Task A_face_the_kiosk_cannot_check_is_abandoned_not_skipped()
    {
        var (outcome, input) = await RunAsync("NRT-STEP3", seed: 103, new ArrivalFlow(), declaration: null, face: false);
        Assert.Equal(SessionLane.Red, outcome.Lane);
        Assert.Equal(1, input.Faces);
        Assert.Equal(0, input.Declarations);
        Assert.Equal("Abandoned", await StateAsync(outcome.SessionId));
    }

    [Fact]
    public async Task A_step_the_flow_does_not_have_is_abandoned()
    {
        // The departure currency flow takes no face step: asked for one, the loop ends the session instead.
        var (outcome, input) = await RunAsync("NRT-STEP4", seed: 104, new CurrencyFlow(), declaration: null, face: true);
        Assert.Equal(SessionLane.Red, outcome.Lane);
        Assert.Equal(0, input.Faces);
        Assert.Equal("Abandoned", await StateAsync(outcome.SessionId));
    }

    private async Task<((SessionLane? Lane, Guid SessionId, string Reasons) Outcome, CountingInput Input)> RunAsync(string kioskId, int seed, IKioskFlow flow, string? declaration, bool face)
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, kioskId);
        var link = kiosk.Services.GetRequiredService<ServiceLink>();
        for (var i = 0; i < 200 && !link.IsConnected; i++)
        {
            await Task.Delay(100);
        }

        Assert.True(link.IsConnected, "the kiosk never connected");
        var today = kiosk.Services.GetRequiredService<AirportClock>().Today;
        var passenger = new SyntheticPassengers(seed, corruptedShare: 0, today).Next();
        // Its own traveller per test: one referred or abandoned earlier would be referred again (risk.previouslyReferred).
        var passport = kiosk.Services.GetRequiredService<SimulatedPassports>().Issue(passenger);
        var input = new CountingInput(new SyntheticPassengerInput(passenger, SimulatedProfile.NothingToDeclare, kiosk.Services.GetRequiredService<DeviceSupervisor>().FaceThreshold, today, (_, _) => Task.FromResult<string?>(null), _ => { }), declaration, face);
        var steps = kiosk.Services.GetRequiredService<PassengerSteps>();
        var sessionId = Guid.NewGuid();
        var document = await steps.DocumentAsync(sessionId, passport, input, default);
        Assert.Equal(sessionId, input.Opened);
        Assert.Null(document.Update.Lane);
        var update = await steps.FollowServiceAsync(flow, sessionId, document, input, default);
        return ((update.Lane, sessionId, string.Join(',', update.Reasons) + " " + update.State), input);
    }

    private Task<string?> StateAsync(Guid sessionId) =>
        db.ScalarAsync<string?>($"SELECT state FROM arrival_sessions WHERE session_id = '{sessionId}'");

    /// <summary>A synthetic passenger whose declaration and face can be replaced, counting what the loop asked.</summary>
    private sealed class CountingInput(IPassengerInput inner, string? declaration, bool face) : IPassengerInput
    {
        public Guid? Opened { get; private set; }

        public int Faces { get; private set; }

        public int Declarations { get; private set; }

        public Reason? LastProblem { get; private set; }

        public void SessionOpened(Guid sessionId) => Opened = sessionId;

        public void ChipProgress(int percent) => inner.ChipProgress(percent);

        public void ServiceAsked() => inner.ServiceAsked();

        public Task<T> WhileWorkingAsync<T>(Func<Task<T>> work) => inner.WhileWorkingAsync(work);

        public Task<FaceResult?> FaceAsync(FacePortrait? portrait, LivenessChallenge? challenge, CancellationToken ct)
        {
            Faces++;
            return face ? inner.FaceAsync(portrait, challenge, ct) : Task.FromResult<FaceResult?>(null);
        }

        public Task<DeclarationAnswer> DeclarationAsync(Guid sessionId, SessionUpdate asked, CancellationToken ct)
        {
            Declarations++;
            LastProblem = asked.Problem ?? LastProblem;
            return declaration is null ? inner.DeclarationAsync(sessionId, asked, ct) : Task.FromResult(DeclarationAnswer.Form(declaration));
        }
    }
}
