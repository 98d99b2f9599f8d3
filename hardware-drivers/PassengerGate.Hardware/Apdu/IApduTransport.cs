namespace PassengerGate.Hardware.Apdu;

/// <summary>
/// The one APDU interface of the solution: a contactless channel to one chip — a PC/SC reader, a virtual reader or the
/// in-process simulated chip. Commands and responses are raw ISO/IEC 7816-4 APDUs (the response ends with SW1 SW2).
/// The ICAO chip code (PassengerGate.Icao) speaks through it and the drivers implement it, so it lives in the driver
/// abstractions, which depend on nothing (docs/decisions/0023).
/// </summary>
public interface IApduTransport
{
    /// <summary>The chip's answer to reset (for a contactless card, the ATR the reader synthesises from ATS/ATQB); empty when unknown.</summary>
    ReadOnlyMemory<byte> Atr { get; }

    Task<byte[]> TransmitAsync(byte[] commandApdu, CancellationToken ct);
}
