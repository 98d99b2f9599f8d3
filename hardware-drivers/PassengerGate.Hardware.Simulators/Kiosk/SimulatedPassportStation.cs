using System.Threading.Channels;
using PassengerGate.Hardware.Kiosk;

namespace PassengerGate.Hardware.Simulators.Kiosk;

/// <summary>
/// The passport reader when the kiosk runs on simulated hardware: a test or the simulated passenger
/// loop lays a simulated passport (Hardware.Simulators/Chip) with <see cref="Place"/>.
/// </summary>
public sealed class SimulatedPassportStation : IPassportStation
{
    private readonly Channel<PassportPresentation> _placed = Channel.CreateUnbounded<PassportPresentation>();

    public void Place(PassportPresentation passport) => _placed.Writer.TryWrite(passport);

    public async Task<PassportPresentation> WaitForPassportAsync(CancellationToken ct) => await _placed.Reader.ReadAsync(ct);
}
