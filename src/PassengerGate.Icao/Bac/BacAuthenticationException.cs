using PassengerGate.Icao.Apdu;

namespace PassengerGate.Icao.Bac;

/// <summary>BAC mutual authentication failed: usually the MRZ keys do not match the chip.</summary>
public sealed class BacAuthenticationException : ChipCommunicationException
{
    public BacAuthenticationException()
    {
    }

    public BacAuthenticationException(string message)
        : base(message)
    {
    }

    public BacAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
