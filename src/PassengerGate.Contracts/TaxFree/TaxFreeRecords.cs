using System.Text.Json;
using System.Text.Json.Serialization;

namespace PassengerGate.Contracts.TaxFree;

/// <summary>
/// A shop's purchase record for POST /api/taxfree/records (docs/taxfree-rules.md). Prices are whole yen excluding
/// consumption tax; <c>purchasedAt</c> is ISO 8601 with its offset.
/// </summary>
public sealed record TaxFreeRecordSubmission(
    string? RecordId,
    string? PassportNumber,
    string? Nationality,
    DateTimeOffset? PurchasedAt,
    IReadOnlyList<TaxFreeItemSubmission>? Items);

public sealed record TaxFreeItemSubmission(
    string? Description,
    int? Quantity,
    long? UnitPrice,
    long? Tax,
    string? Brand = null,
    string? Model = null,
    string? Serial = null,
    TaxFreeItemCategory? Category = null);

[JsonConverter(typeof(CamelCaseNamesOf<TaxFreeItemCategory>))]
public enum TaxFreeItemCategory
{
    General,
    ReducedRate,
    Bullion,
    GoldCoin,
    PlatinumCoin,
}

[JsonConverter(typeof(CamelCaseNamesOf<TaxFreeRegimeCode>))]
public enum TaxFreeRegimeCode
{
    Exemption,
    Refund,
}

/// <summary>Where a record stands: open (waiting for the traveller's departure), or a final result.</summary>
[JsonConverter(typeof(CamelCaseNamesOf<TaxFreeRecordState>))]
public enum TaxFreeRecordState
{
    /// <summary>Submitted and eligible; waiting for the departure check.</summary>
    Open,

    /// <summary>Not a tax-free record under the eligibility rules (see reasons).</summary>
    Ineligible,

    /// <summary>Export confirmed by customs.</summary>
    Confirmed,

    /// <summary>Export refused (see reasons).</summary>
    Refused,
}

/// <summary>Traveller- and shop-safe reason codes (docs/decisions/0007): the rule, never a risk hit.</summary>
[JsonConverter(typeof(CamelCaseNamesOf<TaxFreeReasonCode>))]
public enum TaxFreeReasonCode
{
    BelowFloor,
    ExcludedGoods,
    IdentifyingDetailsMissing,
    ConfirmationWindowOver,
    PurchasedAfterCheck,
    ItemMissing,
}

/// <summary>The answer to a submission and to GET /api/taxfree/records/{id}.</summary>
public sealed record TaxFreeRecordAnswer(
    string RecordId,
    TaxFreeRecordState State,
    TaxFreeRegimeCode Regime,
    DateOnly PurchaseDay,
    DateOnly? LastConfirmableDay,
    IReadOnlyList<TaxFreeReasonCode> Reasons,
    DateTimeOffset? DecidedAt);

/// <summary>One refused field of a submission, with its JSON path ("$.items[0].unitPrice").</summary>
public sealed record TaxFreeFieldError(string Path, string Message);

/// <summary>camelCase names on the wire, no numbers.</summary>
public sealed class CamelCaseNamesOf<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where T : struct, Enum;
