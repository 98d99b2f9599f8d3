namespace PassengerGate.Domain.Documents;

/// <summary>The verdict of <see cref="MrzValidator"/>: a layout and the problems found, with no allocation.</summary>
public readonly record struct MrzValidation(MrzFormat Format, MrzProblems Problems)
{
    /// <summary>The lines have an ICAO shape and alphabet, so fields can be read (they may still be invalid).</summary>
    public bool IsReadable => Format != MrzFormat.Unknown && (Problems & MrzProblems.Unreadable) == 0;

    public bool IsValid => Format != MrzFormat.Unknown && Problems == MrzProblems.None;
}
