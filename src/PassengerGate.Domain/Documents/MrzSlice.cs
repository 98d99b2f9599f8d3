namespace PassengerGate.Domain.Documents;

/// <summary>A run of characters in one MRZ line: <see cref="Line"/> 0-based, as in the tech brief's L1[a:b] tables.</summary>
internal readonly record struct MrzSlice(int Line, int Start, int Length)
{
    public bool IsNone => Length == 0;

    public int End => Start + Length;

    public bool Contains(int line, int position) => Line == line && position >= Start && position < End;
}
