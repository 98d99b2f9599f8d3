namespace PassengerGate.Server.Features.Declarations;

/// <summary>Configuration section "Declarations": the validation of docs/decisions/0017.</summary>
public sealed class DeclarationRulesOptions
{
    public const string Section = "Declarations";

    /// <summary>
    /// A declaration made at the kiosk may state an arrival date this many days before or after today at the airport:
    /// it is then re-dated to today (decision 0008: an overnight flight, the date line). Further away it is refused.
    /// </summary>
    public int KioskArrivalDays { get; set; } = 1;

    /// <summary>
    /// Nationality codes accepted besides ICAO Doc 9303's: "UTO" (ICAO's fictitious Utopia) on a test or demonstration
    /// system whose simulated passports use it. Empty in production (comma-separated in an environment variable).
    /// </summary>
    public string SpecimenStates { get; set; } = "";

    public IReadOnlyCollection<string> SpecimenStateCodes =>
        SpecimenStates.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
