namespace PassengerGate.Hardware.Simulators.Passengers;

/// <summary>A made-up traveller and the MRZ a passport reader would read from their passport.</summary>
public sealed record SyntheticPassenger(
    string Surname,
    string GivenNames,
    string Nationality,
    string DocumentNumber,
    DateOnly DateOfBirth,
    DateOnly ExpiryDate,
    char Sex,
    IReadOnlyList<string> MrzLines,
    bool MrzCorrupted);
