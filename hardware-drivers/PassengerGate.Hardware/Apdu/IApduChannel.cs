namespace PassengerGate.Hardware.Apdu;

/// <summary>
/// Sends one ISO 7816-4 command APDU to a card and returns its response APDU (data followed by SW1 SW2).
/// It has the same shape as PassengerGate.Icao's IApduTransport so the composition root can adapt one to the
/// other without the drivers depending on the ICAO code.
/// </summary>
public interface IApduChannel
{
    Task<byte[]> TransmitAsync(byte[] commandApdu, CancellationToken cancellationToken);
}
