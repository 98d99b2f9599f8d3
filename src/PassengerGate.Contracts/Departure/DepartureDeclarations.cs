using System.Text.Json.Serialization;
using PassengerGate.Contracts.Officer;

namespace PassengerGate.Contracts.Departure;

/// <summary>Where a currency declaration stands on the departure console (decision 0022).</summary>
[JsonConverter(typeof(CamelCaseNames<DepartureDeclarationStatus>))]
public enum DepartureDeclarationStatus
{
    Declared,
    Verified,
    FalseDeclaration,
    MissingDeclaration,
    ReferredPolice,
    ReferredFiu,
}

/// <summary>The outcomes departure staff choose after a check.</summary>
[JsonConverter(typeof(CamelCaseNames<DepartureOutcome>))]
public enum DepartureOutcome
{
    Verified,
    FalseDeclaration,
    MissingDeclaration,
    ReferredPolice,
    ReferredFiu,
}

/// <summary>One declared instrument as staff see it: what was declared and, once counted, what was found.</summary>
public sealed record DeclaredInstrumentView(string Path, string Kind, string? Currency, decimal? Declared, decimal? ReportingValue, string? RateWeek, decimal? Counted, decimal? Difference);

/// <summary>A stored currency declaration on the departure console (staff only: it carries the bearer's identity).</summary>
public sealed record DepartureDeclarationView(
    long Id,
    string Number,
    string Channel,
    string Direction,
    string Jurisdiction,
    DateOnly DeclarationDate,
    string? Flight,
    string? BookingReference,
    string? BearerName,
    string? BearerNationality,
    string? BearerDocumentNumber,
    string ReportingCurrency,
    decimal Total,
    decimal Threshold,
    bool OverThreshold,
    DepartureDeclarationStatus Status,
    IReadOnlyList<DeclaredInstrumentView> Instruments,
    decimal? CountedTotal,
    decimal? CountDifference,
    string? CaseOrigin,
    string? CaseIntendedUse,
    decimal? RestrainedAmount,
    bool Released,
    string? RetentionReceipt,
    string TravellerCopy);

/// <summary>A desk declaration: staff enter the traveller's declaration as docs/currency-declaration-schema.md v1 JSON.</summary>
public sealed record DeskDeclarationRequest(string DeclarationJson);

/// <summary>The answer to a declaration made at a desk or a kiosk: the stored one, or every reason it was refused.</summary>
public sealed record DeclarationReceipt(long? Id, string? Number, bool DeclarationRequired, IReadOnlyList<string> Errors);

/// <summary>Staff's count of one declared instrument, by its path in the assessment ("$.instruments[0]").</summary>
public sealed record CountedAmount(string Path, decimal Amount);

public sealed record RecordCountRequest(long Id, IReadOnlyList<CountedAmount> Counted);

/// <summary>
/// Staff's outcome. A false or missing declaration records the bearer's account of the money's origin and
/// intended use and may restrain cash (<see cref="RestrainedAmount"/> in the reporting currency) with a receipt.
/// </summary>
public sealed record DecideDeclarationRequest(long Id, DepartureOutcome Outcome, string? Origin, string? IntendedUse, decimal? RestrainedAmount, string? Note);

/// <summary>A structuring-screen flag with the declarations that raised it.</summary>
public sealed record StructuringFlagView(string Pattern, string Key, string Text, IReadOnlyList<string> DeclarationNumbers);

/// <summary>The departure console's queue: declarations of the day range and the structuring flags over them.</summary>
public sealed record DepartureWorklist(IReadOnlyList<DepartureDeclarationView> Declarations, IReadOnlyList<StructuringFlagView> Flags);
