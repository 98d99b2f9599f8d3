using PassengerGate.Icao.Apdu;
using PassengerGate.Hardware.Apdu;

namespace PassengerGate.KioskShell.Chip;

/// <summary>
/// Reports chip-reading progress to the screen by counting APDUs: the reader library has no progress
/// events, and a BAC read of DG1, DG2 (a ~15 kB portrait), DG14, DG15 and EF.SOD takes roughly
/// <see cref="TypicalApduCount"/> exchanges with short APDUs.
/// </summary>
public sealed class ProgressApduTransport(IApduTransport inner, Action<int> percent) : IApduTransport
{
    private const int TypicalApduCount = 80;
    private int _count;

    public ReadOnlyMemory<byte> Atr => inner.Atr;

    public Task<byte[]> TransmitAsync(byte[] commandApdu, CancellationToken ct)
    {
        var n = Interlocked.Increment(ref _count);
        percent(Math.Min(95, n * 100 / TypicalApduCount));
        return inner.TransmitAsync(commandApdu, ct);
    }
}
