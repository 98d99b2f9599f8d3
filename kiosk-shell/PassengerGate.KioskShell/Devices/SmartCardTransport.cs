using PassengerGate.Hardware.SmartCards;
using PassengerGate.Icao.Apdu;

namespace PassengerGate.KioskShell.Devices;

/// <summary>A PC/SC card connection (Hardware) as the ICAO chip reader's APDU transport: the two interfaces have the same shape on purpose.</summary>
public sealed class SmartCardTransport(ISmartCardConnection connection) : IApduTransport
{
    public ReadOnlyMemory<byte> Atr { get; } = connection.Atr.ToArray();

    public Task<byte[]> TransmitAsync(byte[] commandApdu, CancellationToken ct) => connection.TransmitAsync(commandApdu, ct);
}
