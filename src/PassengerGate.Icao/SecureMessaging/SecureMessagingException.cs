using PassengerGate.Icao.Apdu;

namespace PassengerGate.Icao.SecureMessaging;

/// <summary>A secure-messaging object failed its MAC or was malformed: the channel can no longer be trusted.</summary>
public sealed class SecureMessagingException : ChipCommunicationException
{
    public SecureMessagingException()
    {
    }

    public SecureMessagingException(string message)
        : base(message)
    {
    }

    public SecureMessagingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
