namespace PassengerGate.Icao.PassiveAuthentication;

/// <summary>
/// What the server receives from a kiosk: raw EF.SOD and data group files (with their outer tags), the MRZ read
/// optically from the data page, and the instant to judge certificate validity at.
/// <see cref="OpticalMrz"/> may contain line breaks; null skips the DG1 comparison.
/// </summary>
public sealed record PassiveAuthenticationRequest(
    byte[] Sod,
    IReadOnlyDictionary<int, byte[]> DataGroups,
    string? OpticalMrz,
    DateTimeOffset AsOf)
{
    /// <summary>Data groups that must be present and signed; DG1 always is.</summary>
    public IReadOnlyList<int> RequiredDataGroups { get; init; } = [1];
}
