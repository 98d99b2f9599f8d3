using PassengerGate.Domain.Risk;

namespace PassengerGate.Domain.Tests.Risk;

/// <summary>Test identities and entries. The people are fictitious; names and dates follow the cited specimens.</summary>
internal static class Travellers
{
    public static readonly DateOnly Today = new(2026, 11, 25);

    /// <summary>As the MRZ of a passport issued under the Doc 9303 Part 3 table prints MÜLLER (tech.md §1.5: Ü→UE).</summary>
    public static TravellerIdentity Mrz(string surname, string givenNames, DateOnly? birth, string number = "C01X00T47", string state = "DEU", string nationality = "DEU", bool truncated = false) => new()
    {
        Surname = surname,
        GivenNames = givenNames,
        DateOfBirth = birth,
        DocumentNumber = number,
        IssuingState = state,
        Nationality = nationality,
        NameMayBeTruncated = truncated,
    };

    public static WatchlistEntry Person(string surname, string givenNames, DateOnly birth, WatchlistKind kind = WatchlistKind.Watchlist) => new()
    {
        Kind = kind,
        Surname = surname,
        GivenNames = givenNames,
        DateOfBirth = birth,
        Reason = "test person of interest",
        Source = "test list",
        ValidFrom = new DateOnly(2026, 1, 1),
    };

    public static WatchlistEntry Document(string number, string state = "", WatchlistKind kind = WatchlistKind.LostStolen) => new()
    {
        Kind = kind,
        DocumentNumber = DocumentNumber.Normalise(number),
        IssuingState = state,
        Reason = "reported stolen",
        Source = "test SLTD extract",
        ValidFrom = new DateOnly(2026, 1, 1),
    };
}
