namespace PassengerGate.Hardware.Readers;

public sealed class ReaderFaultEventArgs : EventArgs
{
    public ReaderFaultEventArgs(string reason, Exception? exception = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Reason = reason;
        Exception = exception;
    }

    public string Reason { get; }

    public Exception? Exception { get; }
}
