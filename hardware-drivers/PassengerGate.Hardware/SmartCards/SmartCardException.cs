namespace PassengerGate.Hardware.SmartCards;

public sealed class SmartCardException : Exception
{
    public SmartCardException()
    {
    }

    public SmartCardException(string message)
        : base(message)
    {
    }

    public SmartCardException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SmartCardException(SmartCardError error, string message, long nativeCode = 0)
        : base(message)
    {
        Error = error;
        NativeCode = nativeCode;
    }

    public SmartCardException(SmartCardError error, string message, Exception innerException)
        : base(message, innerException)
    {
        Error = error;
    }

    public SmartCardError Error { get; }

    /// <summary>The PC/SC return code (e.g. 0x8010001D SCARD_E_NO_SERVICE) when the error came from PC/SC.</summary>
    public long NativeCode { get; }
}
