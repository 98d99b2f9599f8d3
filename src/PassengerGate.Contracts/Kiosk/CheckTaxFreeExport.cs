using System.Text.Json.Serialization;
using PassengerGate.Contracts.Officer;
using PassengerGate.Contracts.TaxFree;

namespace PassengerGate.Contracts.Kiosk;

/// <summary>
/// The tax-free export check at a departure kiosk (issue 12 point 2; decision 0021, "At the kiosk"), in the session that
/// verified the traveller's passport: the service finds the traveller's purchase records by that passport (never by what
/// the kiosk sends), decides the lane by its rules and, on green, confirms the export of every confirmable record. Asking
/// again answers from the records' state: a record is decided once.
/// </summary>
public sealed record CheckTaxFreeExport(Guid SessionId);

/// <summary>
/// What the kiosk may show: the traveller's own records with their status and traveller-safe reasons, and the lane
/// (<see cref="TaxFreeDepartureOutcome"/>; why a traveller is red stays with staff, decision 0007). <see cref="Problem"/>
/// is set, and <see cref="Outcome"/> null, when the session cannot be checked: the traveller goes to the customs desk.
/// </summary>
public sealed record TaxFreeExportAnswer(Guid SessionId, TaxFreeDepartureOutcome? Outcome, TaxFreeExportProblem? Problem = null);

/// <summary>Why a session's tax-free check was refused. On the wire: camelCase names.</summary>
[JsonConverter(typeof(CamelCaseNames<TaxFreeExportProblem>))]
public enum TaxFreeExportProblem
{
    /// <summary>No session with that id.</summary>
    UnknownSession,

    /// <summary>The session was opened by another kiosk.</summary>
    OtherKiosk,

    /// <summary>The session has ended (the traveller walked away or the kiosk timed out).</summary>
    SessionEnded,

    /// <summary>The session has not verified a passport chip: records are found only by a verified passport.</summary>
    NoVerifiedDocument,

    /// <summary>The kiosk is registered without an airport, so no inspection desk would see a red traveller's records.</summary>
    KioskWithoutAirport,
}
