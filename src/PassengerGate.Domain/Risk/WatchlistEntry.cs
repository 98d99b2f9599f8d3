namespace PassengerGate.Domain.Risk;

/// <summary>
/// One watchlist or lost/stolen entry: a document (number, optionally its issuing state) or a person (surname,
/// given names, date of birth). Reason and source are shown to the officer, never to the passenger; the
/// entry is in force from <see cref="ValidFrom"/> to <see cref="ValidTo"/> inclusive (open-ended when null).
/// </summary>
public sealed record WatchlistEntry
{
    public required WatchlistKind Kind { get; init; }

    /// <summary>Normalised with <see cref="Risk.DocumentNumber.Normalise"/>; empty for a person entry.</summary>
    public string DocumentNumber { get; init; } = "";

    /// <summary>ICAO alpha-3 ("DEU", never the MRZ's "D"); empty when the list does not say.</summary>
    public string IssuingState { get; init; } = "";

    public string Surname { get; init; } = "";

    public string GivenNames { get; init; } = "";

    public DateOnly? DateOfBirth { get; init; }

    public required string Reason { get; init; }

    public required string Source { get; init; }

    public required DateOnly ValidFrom { get; init; }

    public DateOnly? ValidTo { get; init; }

    public bool IsDocumentEntry => DocumentNumber.Length > 0;

    public bool IsPersonEntry => Surname.Length > 0 && DateOfBirth is not null;

    public bool IsInForce(DateOnly asOf) => asOf >= ValidFrom && (ValidTo is null || asOf <= ValidTo.Value);

    /// <summary>The wire name of a kind in CSV, JSON and the database.</summary>
    public static string KindName(WatchlistKind kind) => kind == WatchlistKind.LostStolen ? "lost-stolen" : "watchlist";

    public static WatchlistKind? ParseKind(string text) => text switch
    {
        "watchlist" => WatchlistKind.Watchlist,
        "lost-stolen" => WatchlistKind.LostStolen,
        _ => null,
    };
}
