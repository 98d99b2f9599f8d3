namespace PassengerGate.Hardware.Mrz;

/// <summary>One decoded frame: either a complete MRZ (2×44, 2×36 or 3×30 lines) or the reason the frame was rejected.</summary>
public sealed class MrzFrameResult
{
    private MrzFrameResult(IReadOnlyList<string> lines, string? problem)
    {
        Lines = lines;
        Problem = problem;
    }

    public IReadOnlyList<string> Lines { get; }

    public string? Problem { get; }

    public bool IsRead => Problem is null;

    public static MrzFrameResult Read(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return new MrzFrameResult(lines, null);
    }

    public static MrzFrameResult Rejected(string problem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(problem);
        return new MrzFrameResult([], problem);
    }
}
