using PassengerGate.Icao.ChipAuthentication;

namespace PassengerGate.Icao.Reading;

/// <summary>What a chip read fetches and how.</summary>
public sealed record ChipReaderOptions
{
    /// <summary>
    /// Data groups to read among those the signed EF.SOD lists (EF.COM's list is not used); null reads every listed
    /// group. DG3/DG4 need Extended Access Control and are never read. The default leaves out what the gate does not
    /// use, notably DG5/DG7 (displayed portrait and signature images, which must not leave the kiosk either).
    /// </summary>
    public IReadOnlyList<int>? DataGroups { get; init; } = [1, 2, 11, 14, 15];

    public bool TryPace { get; init; } = true;

    public bool PerformActiveAuthentication { get; init; } = true;

    /// <summary>The 8-byte Active Authentication challenge to send (the service issues one per session); null draws a random one.</summary>
    public byte[]? ActiveAuthenticationChallenge { get; init; }

    /// <summary>
    /// Asks the verifier for a Chip Authentication key agreement for the DG14 read (Doc 9303-11 §6.2); null, or a null
    /// answer, skips CA. Called after every file and Active Authentication, since CA replaces the session keys.
    /// </summary>
    public Func<byte[], CancellationToken, Task<ChipAuthenticationChallenge?>>? ChipAuthentication { get; init; }

    public ExtendedLengthMode ExtendedLength { get; init; } = ExtendedLengthMode.Auto;

    /// <summary>READ BINARY chunk when extended length is in use.</summary>
    public int ExtendedChunk { get; init; } = 0x0800;
}
