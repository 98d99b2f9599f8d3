namespace PassengerGate.Hardware.SmartCards;

public enum SmartCardError
{
    Other = 0,

    /// <summary>The PC/SC daemon (pcscd) is not running or not reachable.</summary>
    ServiceUnavailable,

    /// <summary>The service runs but no reader is attached.</summary>
    NoReaders,

    /// <summary>The named reader is not attached.</summary>
    UnknownReader,

    /// <summary>The reader is empty.</summary>
    NoCard,

    /// <summary>The card left the field during the session.</summary>
    CardRemoved,

    /// <summary>The card did not answer (mute, or badly placed in the RF field).</summary>
    UnresponsiveCard,

    /// <summary>Another process holds the card exclusively.</summary>
    SharingViolation,

    Timeout,

    Cancelled,

    /// <summary>The reader or card failed while exchanging bytes.</summary>
    CommunicationFailure,
}
