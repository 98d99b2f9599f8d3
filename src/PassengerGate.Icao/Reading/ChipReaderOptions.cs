namespace PassengerGate.Icao.Reading;

/// <summary>What a chip read fetches and how.</summary>
public sealed record ChipReaderOptions
{
    /// <summary>Data groups to read when EF.COM lists them. DG3/DG4 need Extended Access Control and are not read.</summary>
    public IReadOnlyList<int> DataGroups { get; init; } = [1, 2, 11, 14, 15];

    public bool TryPace { get; init; } = true;

    public bool PerformActiveAuthentication { get; init; } = true;

    public ExtendedLengthMode ExtendedLength { get; init; } = ExtendedLengthMode.Auto;

    /// <summary>READ BINARY chunk when extended length is in use.</summary>
    public int ExtendedChunk { get; init; } = 0x0800;
}
