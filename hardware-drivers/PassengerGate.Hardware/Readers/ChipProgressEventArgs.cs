namespace PassengerGate.Hardware.Readers;

public sealed class ChipProgressEventArgs : EventArgs
{
    public ChipProgressEventArgs(string step, int percent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        Step = step;
        Percent = percent;
    }

    /// <summary>What the chip reader is doing, e.g. "BAC", "DG1", "DG2", "SOD".</summary>
    public string Step { get; }

    public int Percent { get; }
}
