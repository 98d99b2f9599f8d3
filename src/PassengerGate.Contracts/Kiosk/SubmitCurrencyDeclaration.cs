using System.Text.Json.Serialization;
using PassengerGate.Contracts.Officer;

namespace PassengerGate.Contracts.Kiosk;

/// <summary>
/// A declaration of means of payment made at the kiosk in the session that verified the traveller's passport
/// (docs/currency-declaration-schema.md v1 JSON; FATF Recommendation 32). The service takes the bearer's identity from
/// the verified passport and the date from the airport's day: whatever the kiosk put in "bearer" or "declarationDate"
/// is replaced (docs/decisions/0022, "At the kiosk"). <see cref="CommandId"/> makes a retry answer the same.
/// <see cref="PreDeclarationQr"/> is the phone's signed code the form was filled from, if any (decision 0026): the
/// service marks it used once the declaration is stored.
/// </summary>
public sealed record SubmitCurrencyDeclaration(Guid SessionId, Guid CommandId, string DeclarationJson, string? PreDeclarationQr = null);

/// <summary>
/// What the kiosk may show the traveller about their currency declaration, and nothing more: its number, whether the
/// rules required it, the total in the reporting currency and what to do next. Staff-only findings (structuring flags,
/// counts, notes) never travel to the kiosk. <see cref="Problem"/> is set when nothing was stored; <see cref="FieldErrors"/>
/// then lists each field the service would not accept.
/// </summary>
public sealed record CurrencyDeclarationAnswer(
    Guid SessionId,
    string? DeclarationNumber,
    bool DeclarationRequired,
    decimal? TotalInReportingCurrency,
    string? ReportingCurrency,
    CurrencyNextStep? Next,
    CurrencyDeclarationProblem? Problem = null,
    string? ProblemText = null,
    IReadOnlyList<DeclarationFieldError>? FieldErrors = null);

/// <summary>What the traveller does once the declaration is stored. On the wire: camelCase names ("departureDesk").</summary>
[JsonConverter(typeof(CamelCaseNames<CurrencyNextStep>))]
public enum CurrencyNextStep
{
    /// <summary>Nothing more for the means of payment: the rules did not require a declaration.</summary>
    Continue,

    /// <summary>Leaving the country with a declaration the rules require: go to the departure desk for a check.</summary>
    DepartureDesk,

    /// <summary>Arriving with a declaration the rules require: the customs officer at the counter checks it.</summary>
    Officer,
}

/// <summary>Why a kiosk currency declaration was refused; nothing was stored. On the wire: camelCase names.</summary>
[JsonConverter(typeof(CamelCaseNames<CurrencyDeclarationProblem>))]
public enum CurrencyDeclarationProblem
{
    /// <summary>No session with that id.</summary>
    UnknownSession,

    /// <summary>The session was opened by another kiosk.</summary>
    OtherKiosk,

    /// <summary>The session has not verified a passport chip: the declaration cannot be bound to a bearer.</summary>
    NoVerifiedDocument,

    /// <summary>The session has ended (the traveller walked away or the kiosk timed out).</summary>
    SessionEnded,

    /// <summary>The declaration does not follow the schema; <see cref="CurrencyDeclarationAnswer.FieldErrors"/> say where.</summary>
    Invalid,

    /// <summary>A currency has no customs weekly rate for the day: the desk takes the declaration (never a guessed rate).</summary>
    NoRate,

    /// <summary>The kiosk is registered without an airport, so no departure desk would see the declaration.</summary>
    KioskWithoutAirport,

    /// <summary>The command id was already used for another session or kiosk; send a new one.</summary>
    CommandReused,
}
