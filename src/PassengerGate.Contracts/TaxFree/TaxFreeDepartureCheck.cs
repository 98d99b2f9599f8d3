using System.Text.Json.Serialization;

namespace PassengerGate.Contracts.TaxFree;

/// <summary>A record as the departure check sees it (docs/taxfree-rules.md §3–§4).</summary>
[JsonConverter(typeof(CamelCaseNamesOf<TaxFreeRecordCheckStatus>))]
public enum TaxFreeRecordCheckStatus
{
    Confirmable,
    Expired,
    Excluded,
    Confirmed,
    Refused,
}

[JsonConverter(typeof(CamelCaseNamesOf<TaxFreeLaneCode>))]
public enum TaxFreeLaneCode
{
    /// <summary>Export confirmed for every confirmable record.</summary>
    Green,

    /// <summary>Show the goods at the inspection desk.</summary>
    Red,
}

/// <summary>One of the traveller's records with its status and the traveller-safe reasons it is not confirmable.</summary>
public sealed record TaxFreeCheckedRecord(
    string ShopId,
    string RecordId,
    TaxFreeRecordCheckStatus Status,
    IReadOnlyList<TaxFreeReasonCode> Reasons,
    DateOnly PurchaseDay,
    DateOnly? LastConfirmableDay,
    long TotalYen);

/// <summary>
/// The traveller's side of a departure check: the records and the lane. Why a traveller is red is for staff only
/// (decision 0007), so no lane reason travels here. <see cref="ExportConfirmed"/> is true once the confirmable records
/// were confirmed (green, at the end of the session).
/// </summary>
public sealed record TaxFreeDepartureOutcome(TaxFreeLaneCode Lane, IReadOnlyList<TaxFreeCheckedRecord> Records, bool ExportConfirmed);
