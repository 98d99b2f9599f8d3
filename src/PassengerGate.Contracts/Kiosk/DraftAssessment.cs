using System.Text.Json;
using System.Text.Json.Serialization;

namespace PassengerGate.Contracts.Kiosk;

/// <summary>
/// The declaration as the traveller is filling it at the kiosk (docs/arrival-declaration-schema.md), to be assessed for
/// the running assessment shown before they confirm. Nothing is stored and no session moves: the kiosk shows what the
/// service's own assessor says, so the duty rules exist once, on the service.
/// </summary>
public sealed record AssessDeclarationDraft(string DeclarationJson);

/// <summary>
/// What the service's assessor says of a draft, as of today at the airport. <see cref="FieldErrors"/> is non-empty when
/// the draft cannot be read yet (then <see cref="Lines"/> is empty). <see cref="Incomplete"/>: part of it could not be
/// assessed (a missing rate), so the amount is a floor, never a promise.
/// </summary>
public sealed record DraftAssessment(
    DateOnly AsOf,
    decimal TotalDutyYen,
    bool OverAllowance,
    bool Incomplete,
    IReadOnlyList<DraftLine> Lines,
    IReadOnlyList<DeclarationFieldError> FieldErrors);

/// <summary>
/// One goods line as assessed: <see cref="Path"/> is its place in the draft ("$.goods.alcohol[0]"), quantities are in
/// <see cref="Unit"/> (bottle, cigarette, cigar, pack, g, ml, article or set).
/// </summary>
public sealed record DraftLine(
    string Path,
    DraftGoodsCategory Category,
    string Unit,
    decimal Quantity,
    decimal FreeQuantity,
    decimal DutiableQuantity,
    decimal? OverseasValueYen,
    decimal DutyYen,
    DraftLineOutcome Outcome);

/// <summary>The goods classes of side B of Form C No. 5360. On the wire: camelCase names.</summary>
[JsonConverter(typeof(DraftGoodsCategoryJsonConverter))]
public enum DraftGoodsCategory
{
    Alcohol,
    Cigarettes,
    Cigars,
    HeatedTobacco,
    OtherTobacco,
    Perfume,
    OtherGoods,
}

/// <summary>What the assessor made of one line. On the wire: camelCase names.</summary>
[JsonConverter(typeof(DraftLineOutcomeJsonConverter))]
public enum DraftLineOutcome
{
    /// <summary>Wholly within the allowance.</summary>
    Free,

    /// <summary>Its kind totals ¥10,000 or less overseas value, so it is left out of the allowance count.</summary>
    LeftOutSmallKind,

    /// <summary>Partly or wholly over the allowance, with the simplified duty computed.</summary>
    Dutiable,

    /// <summary>Over the allowance and outside the simplified rates: an officer assesses it.</summary>
    ReferredToOfficer,

    /// <summary>Could not be assessed (e.g. no exchange rate).</summary>
    NotAssessed,
}

/// <summary>camelCase names, no numbers.</summary>
public sealed class DraftGoodsCategoryJsonConverter() : JsonStringEnumConverter<DraftGoodsCategory>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);

/// <summary>camelCase names, no numbers.</summary>
public sealed class DraftLineOutcomeJsonConverter() : JsonStringEnumConverter<DraftLineOutcome>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
