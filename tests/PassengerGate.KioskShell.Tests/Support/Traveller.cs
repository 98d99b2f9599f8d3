namespace PassengerGate.KioskShell.Tests.Support;

/// <summary>Whose passport a test lays on the reader.</summary>
public sealed record Traveller(string Surname, string GivenNames, string Nationality, string DocumentNumber, DateOnly DateOfBirth, char Sex, DateOnly Expiry)
{
    public static Traveller Adult(string documentNumber, string surname = "OBAMA", string given = "BARACK") =>
        new(surname, given, "USA", documentNumber, new DateOnly(1961, 8, 4), 'M', new DateOnly(2034, 3, 31));

    public static Traveller Child(string documentNumber, string given, int bornYear) =>
        new("OBAMA", given, "USA", documentNumber, new DateOnly(bornYear, 7, 4), 'F', new DateOnly(2030, 3, 31));
}
