namespace PassengerGate.Icao.Apdu;

/// <summary>
/// A contactless channel to one chip: a PC/SC reader, a virtual reader or the in-process simulated chip.
/// Commands and responses are raw ISO/IEC 7816-4 APDUs (the response ends with SW1 SW2).
/// </summary>
public interface IApduTransport
{
    /// <summary>The chip's answer to reset (ATS-derived ATR for contactless); empty when unknown.</summary>
    ReadOnlyMemory<byte> Atr { get; }

    Task<byte[]> TransmitAsync(byte[] commandApdu, CancellationToken ct);
}
