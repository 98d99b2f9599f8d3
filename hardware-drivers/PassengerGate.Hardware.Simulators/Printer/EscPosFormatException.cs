namespace PassengerGate.Hardware.Simulators.Printer;

/// <summary>Bytes the simulated printer does not understand: an unknown command, a truncated one, or undecodable text.</summary>
public sealed class EscPosFormatException : Exception
{
    public EscPosFormatException()
    {
    }

    public EscPosFormatException(string message)
        : base(message)
    {
    }

    public EscPosFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
