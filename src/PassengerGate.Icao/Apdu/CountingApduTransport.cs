using PassengerGate.Hardware.Apdu;
namespace PassengerGate.Icao.Apdu;

/// <summary>Counts the APDUs a session exchanges, for diagnostics and the chip-read benchmark.</summary>
public sealed class CountingApduTransport(IApduTransport inner) : IApduTransport
{
    private int _count;

    public int Count => _count;

    public ReadOnlyMemory<byte> Atr => inner.Atr;

    public Task<byte[]> TransmitAsync(byte[] commandApdu, CancellationToken ct)
    {
        Interlocked.Increment(ref _count);
        return inner.TransmitAsync(commandApdu, ct);
    }
}
