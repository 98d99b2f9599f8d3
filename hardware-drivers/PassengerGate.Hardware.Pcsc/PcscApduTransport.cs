using PassengerGate.Hardware.SmartCards;
using PassengerGate.Icao.Apdu;

namespace PassengerGate.Hardware.Pcsc;

/// <summary>
/// The ICAO chip reader's APDU transport over a PC/SC card connection: what a kiosk with a real
/// contactless reader (and `pgate chip read`) uses. T=0 "61xx" continuation is not needed for
/// ISO 14443 e-passports, which speak T=1 / T=CL.
/// </summary>
public sealed class PcscApduTransport(ISmartCardConnection connection) : IApduTransport
{
    public ReadOnlyMemory<byte> Atr { get; } = connection?.Atr.ToArray() ?? throw new ArgumentNullException(nameof(connection));

    public Task<byte[]> TransmitAsync(byte[] commandApdu, CancellationToken ct) => connection.TransmitAsync(commandApdu, ct);
}
