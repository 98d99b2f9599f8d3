namespace PassengerGate.Hardware.Readers;

public sealed class MrzReadEventArgs : EventArgs
{
    public MrzReadEventArgs(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        Lines = lines;
    }

    /// <summary>The MRZ lines top to bottom, without padding or framing: 2×44, 2×36 or 3×30 characters.</summary>
    public IReadOnlyList<string> Lines { get; }
}
