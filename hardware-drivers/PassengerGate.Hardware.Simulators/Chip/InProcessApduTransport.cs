using PassengerGate.Icao.Apdu;
using PassengerGate.Hardware.Apdu;

namespace PassengerGate.Hardware.Simulators.Chip;

/// <summary>Puts a <see cref="SimulatedPassportChip"/> on the reader's field without any hardware.</summary>
public sealed class InProcessApduTransport(SimulatedPassportChip chip) : IApduTransport
{
    public ReadOnlyMemory<byte> Atr => chip.Atr;

    public Task<byte[]> TransmitAsync(byte[] commandApdu, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(chip.Process(commandApdu));
    }
}
