using PassengerGate.Contracts.Kiosk;
using PassengerGate.Hardware.Simulators.Passengers;
using PassengerGate.Icao.Lds;
using PassengerGate.KioskShell.Service;

namespace PassengerGate.KioskShell.Sessions;

/// <summary>
/// Run mode's passenger (<see cref="ArrivalKioskWorker"/>): a synthetic passenger of a <see cref="SimulatedProfile"/>
/// answering each step <see cref="PassengerSteps"/> asks for — the simulated face result (the holder, or an impostor) with
/// the service's challenge done, and the declaration, typed at the kiosk or made on the phone page beforehand (here: the
/// same service endpoint the page calls) and scanned as its signed code. A passenger who cannot correct a refused
/// declaration gives the same answer again, and the step loop abandons the session after its last try.
/// </summary>
public sealed class SyntheticPassengerInput(
    SyntheticPassenger passenger,
    SimulatedProfile profile,
    double faceThreshold,
    DateOnly today,
    Func<string, CancellationToken, Task<string?>> preDeclare,
    Action<string> show) : IPassengerInput
{
    public void SessionOpened(Guid sessionId)
    {
        // Nothing to remember: a synthetic passenger never walks away mid-session.
    }

    public void ChipProgress(int percent)
    {
        // The status page shows the step, not the chip's percentage.
    }

    public void ServiceAsked() => show("Checking with customs");

    public Task<T> WhileWorkingAsync<T>(Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work();
    }

    /// <summary>A simulated result, whether or not the chip gave a portrait (a chip fault is the service's to judge).</summary>
    public Task<FaceResult?> FaceAsync(FacePortrait? portrait, LivenessChallenge? challenge, CancellationToken ct) =>
        Task.FromResult<FaceResult?>(profile.FaceMatches ? SimulatedPassengerAnswers.Face(faceThreshold, challenge) : SimulatedPassengerAnswers.Impostor(faceThreshold, challenge));

    public async Task<DeclarationAnswer> DeclarationAsync(Guid sessionId, SessionUpdate asked, CancellationToken ct)
    {
        var json = SimulatedPassengerAnswers.Declaration(passenger, today, profile);
        return profile.PreDeclared && await preDeclare(json, ct) is { } qr ? DeclarationAnswer.Scanned(qr) : DeclarationAnswer.Form(json);
    }
}
