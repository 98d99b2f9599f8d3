namespace PassengerGate.Hardware.Tests.Mrz;

/// <summary>
/// ICAO 9303 specimen MRZs, copied from the test suites cited in docs/reference/tech.md §1.3
/// (check digits recomputed there).
/// </summary>
internal static class Specimens
{
    // TD3 Utopia (Part 4 App. B): ZeroPass/pymrtd:tests/ef/mrz_test.py, cheminfo/mrz:src/parse/__tests__/td3.test.ts.
    public static readonly string[] Td3 =
    [
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    ];

    // TD2 Utopia: cheminfo/mrz:src/parse/__tests__/td2.test.ts.
    public static readonly string[] Td2 =
    [
        "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
        "D231458907UTO7408122F1204159<<<<<<<6",
    ];

    // TD1 Utopia: snifter/MRZCode.NET:MRZCodeParser.Tests/MrzSamples.cs.
    public static readonly string[] Td1 =
    [
        "I<UTOD231458907<<<<<<<<<<<<<<<",
        "7408122F1204159UTO<<<<<<<<<<<6",
        "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
    ];
}
