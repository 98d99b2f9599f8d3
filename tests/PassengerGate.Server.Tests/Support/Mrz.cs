using PassengerGate.Hardware.Simulators.Passengers;

namespace PassengerGate.Server.Tests.Support;

/// <summary>MRZs for tests.</summary>
public static class Mrz
{
    /// <summary>
    /// ICAO Doc 9303 Part 4 Appendix B specimen (Utopia, ERIKSSON), copied in shared/docs/reference/tech.md §1.3
    /// from ZeroPass/pymrtd tests/ef/mrz_test.py — with its document-number check digit changed from 6 to 7,
    /// so the document-number and composite checks both fail.
    /// </summary>
    public static readonly string[] SpecimenWithBadDigit =
    [
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L898902C37UTO7408122F1204159ZE184226B<<<<<10",
    ];

    /// <summary>A well-formed passport valid until well after today (check digits per ICAO 9303 Part 3).</summary>
    public static string[] Valid(string surname = "TANAKA") =>
        SyntheticPassengers.Td3("JPN", surname, "HANAKO", "TK1234567", new DateOnly(1990, 4, 1), 'F', new DateOnly(2034, 3, 31));
}
