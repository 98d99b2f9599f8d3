using System.Globalization;

namespace PassengerGate.Icao.Apdu;

/// <summary>The chip refused a command or stopped answering; <see cref="StatusWord"/> is 0 when there was no status.</summary>
public class ChipCommunicationException : Exception
{
    public ChipCommunicationException()
    {
    }

    public ChipCommunicationException(string message)
        : base(message)
    {
    }

    public ChipCommunicationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ChipCommunicationException(string message, ushort statusWord)
        : base(statusWord == 0 ? message : string.Create(CultureInfo.InvariantCulture, $"{message} (SW {statusWord:X4})"))
    {
        StatusWord = statusWord;
    }

    public ushort StatusWord { get; }
}
