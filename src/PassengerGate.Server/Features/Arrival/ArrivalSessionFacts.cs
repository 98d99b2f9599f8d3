using System.Text.Json;
using System.Text.Json.Serialization;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Data.Arrival;
using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Documents;
using PassengerGate.Domain.Risk;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// What the service established for an arrival session, kept for the later steps and the officer (never an image):
/// stored as one JSON object in <c>arrival_sessions.facts</c>. Each step writes only the parts it decided; the store
/// merges them by top-level key (a later step's part replaces an earlier one of the same name). Every reader — the case
/// view, the officer's assessment and payment, the duty notice, the abandon and stale-session handlers — loads this
/// record through <see cref="Read"/>, never a key by name. The JSON names are the ones stored since migration 0004, so
/// rows written before this type existed load unchanged (no migration); the retention purge replaces the whole object
/// with <see cref="PersonalDataPurgedAt"/> only (decision 0005), which loads as facts with nothing else.
/// </summary>
public sealed record ArrivalSessionFacts
{
    /// <summary>The one way facts are written and read: camelCase names, enums as camelCase strings, nothing written for an absent part.</summary>
    public static readonly JsonSerializerOptions Json = Create();

    public DocumentFacts? Document { get; init; }

    /// <summary>What the document step's risk screen found, carried into every referral (<see cref="CarriedRisk"/>).</summary>
    public DocumentRiskFacts? DocumentRisk { get; init; }

    /// <summary>The document check's own detail when it refused the document (e.g. which certificate failed).</summary>
    public string? DocumentCheckDetail { get; init; }

    public IReadOnlyList<MrzError>? MrzErrors { get; init; }

    public FaceFacts? Face { get; init; }

    /// <summary>The active liveness challenge the service issued at the document step; the face step is judged against it (decision 0010).</summary>
    public LivenessChallenge? LivenessChallenge { get; init; }

    public DeclarationFacts? Declaration { get; init; }

    public AssessmentFacts? Assessment { get; init; }

    public ArrivalDateFacts? ArrivalDate { get; init; }

    public DeclarationRiskFacts? Risk { get; init; }

    /// <summary>Set by the retention purge, which keeps nothing else (PersonalDataStore).</summary>
    public DateTimeOffset? PersonalDataPurgedAt { get; init; }

    /// <summary>The facts of a stored row; a session with none yet (null or <c>{}</c>) has an empty record.</summary>
    public static ArrivalSessionFacts Read(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new ArrivalSessionFacts() : JsonSerializer.Deserialize<ArrivalSessionFacts>(json, Json) ?? new ArrivalSessionFacts();

    /// <summary>The JSON merged into the stored facts; null when the step decided nothing to keep.</summary>
    public string? ToJson() => this == Empty ? null : JsonSerializer.Serialize(this, Json);

    private static readonly ArrivalSessionFacts Empty = new();

    private static JsonSerializerOptions Create()
    {
        var options = ContractJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull });
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>
/// The MRZ as read (for the later risk rules and the officer) and each chip verification's result: passive authentication's
/// code, the active and chip authentication verdicts by name (NotRequired, Valid, Missing, Failed; decision 0014).
/// </summary>
public sealed record DocumentFacts(
    IReadOnlyList<string>? MrzLines,
    string? Format,
    string? IssuingState,
    string? Nationality,
    DateOnly? DateOfBirth,
    DateOnly? ExpiryDate,
    string? Sex,
    string? Chip,
    string? PassiveAuthentication,
    [property: JsonConverter(typeof(EarlyActiveAuthenticationJsonConverter))] string? ActiveAuthentication,
    string? ChipAuthentication);

/// <summary>
/// Sessions stored before the verdict had names kept active authentication as a yes/no (true: the chip signed the
/// challenge; false: it did not); they read as the verdicts that mean the same, Valid and Failed. Written as the name.
/// </summary>
public sealed class EarlyActiveAuthenticationJsonConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => "Valid",
        JsonTokenType.False => "Failed",
        JsonTokenType.Null => null,
        _ => reader.GetString(),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}

/// <summary>The stored form of <see cref="CarriedRisk"/>.</summary>
public sealed record DocumentRiskFacts(bool Screened, IReadOnlyList<RiskHit>? Hits, IReadOnlyList<string>? RulesEvaluated, IReadOnlyList<string>? ApisFlights, EarlierReferral? PreviouslyReferred);

/// <summary>The kiosk's face comparison (numbers and flags only) and the threshold the service applied.</summary>
/// <paramref name="ActiveLiveness"/> is what the kiosk measured for the service's challenge (decision 0010); the passive
/// models' <paramref name="Real"/> and <paramref name="Live"/> are advisory.
public sealed record FaceFacts(double Score, double? KioskThreshold, double? ServiceThreshold, bool QualityOk, IReadOnlyList<string>? QualityProblems, bool? Real, bool? Live, int? FramesUsed, bool? ChildBelowHeight, ActiveLivenessResult? ActiveLiveness = null);

/// <summary>Where the bound declaration came from (stored as the names the first sessions used).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeclarationSource>))]
public enum DeclarationSource
{
    /// <summary>Typed on the kiosk's form.</summary>
    [JsonStringEnumMemberName("kiosk")]
    Kiosk,

    /// <summary>A pre-declaration QR scanned as it was.</summary>
    [JsonStringEnumMemberName("pre-declaration")]
    PreDeclaration,

    /// <summary>A pre-declaration QR reviewed, perhaps changed, and certified at the kiosk (decision 0020).</summary>
    [JsonStringEnumMemberName("pre-declaration-edited-at-kiosk")]
    PreDeclarationEditedAtKiosk,
}

/// <summary>The declaration bound to the session, in the schema's own JSON (<see cref="DeclarationJson"/> reads it), and an edit at the kiosk.</summary>
public sealed record DeclarationFacts(DeclarationSource Source, JsonElement Json, KioskEditFacts? Edit = null)
{
    /// <summary>The declaration as the schema's type; null if what is stored no longer reads.</summary>
    public ArrivalDeclaration? Read() => DeclarationJson.Read(Json.GetRawText()) is { IsValid: true } read ? read.Declaration : null;
}

/// <summary>A pre-declaration reviewed at the kiosk: which one, whether the certified version differs, and what the QR said.</summary>
public sealed record KioskEditFacts(bool EditedAtKiosk, bool Changed, Guid? PreDeclarationId, JsonElement? PreDeclared);

/// <summary>The assessment the lane used (the case view makes it again from the declaration; this is the record of the moment).</summary>
public sealed record AssessmentFacts(DateOnly AsOf, decimal TotalDutyYen, bool OverAllowance, bool Incomplete, IReadOnlyList<AssessedLineFacts>? Lines, IReadOnlyList<string>? RulesApplied);

/// <summary>One assessed goods line as stored (the names of <see cref="AssessedLine"/>'s own serialization).</summary>
public sealed record AssessedLineFacts(
    string Path,
    GoodsCategory Category,
    string Description,
    string Unit,
    decimal Quantity,
    decimal FreeQuantity,
    decimal DutiableQuantity,
    decimal? OverseasValueYen,
    ExchangeRateFacts? ExchangeRate,
    decimal AllowanceUsedYen,
    decimal? DutiableValueYen,
    decimal? CustomsValueYen,
    string? RateApplied,
    AmountFacts? Duty,
    LineOutcome Outcome,
    string Reason)
{
    public static AssessedLineFacts From(AssessedLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new(
            line.Path, line.Category, line.Description, line.Unit, line.Quantity, line.FreeQuantity, line.DutiableQuantity, line.OverseasValueYen,
            line.ExchangeRate is { } rate ? new ExchangeRateFacts(new CodeFacts(rate.Currency.Value), rate.ValidFrom, rate.ValidTo, rate.YenPerUnit, rate.Source) : null,
            line.AllowanceUsedYen, line.DutiableValueYen, line.CustomsValueYen, line.RateApplied,
            new AmountFacts(line.Duty.Amount, new CodeFacts(line.Duty.Currency.Value)), line.Outcome, line.Reason);
    }
}

/// <summary>A currency code as the domain's value type serializes it (<c>{"value":"JPY"}</c>).</summary>
public sealed record CodeFacts(string Value);

public sealed record AmountFacts(decimal Amount, CodeFacts? Currency);

public sealed record ExchangeRateFacts(CodeFacts Currency, DateOnly ValidFrom, DateOnly ValidTo, decimal YenPerUnit, string Source);

/// <summary>The arrival date typed and the airport day the declaration was assessed as (decision 0008).</summary>
public sealed record ArrivalDateFacts(DateOnly Declared, DateOnly AssessedAs, bool Redated);

/// <summary>The declaration step's risk screen and random selection draw.</summary>
public sealed record DeclarationRiskFacts(IReadOnlyList<string>? RulesEvaluated, IReadOnlyList<RiskHit>? Hits, string? SeedId, string? Subject, double? Draw, double? Rate, bool? Selected);

/// <summary>Typed facts from the session store.</summary>
public static class ArrivalSessionFactsStore
{
    public static async Task<ArrivalSessionFacts> LoadTypedFactsAsync(this ArrivalSessionStore sessions, Guid sessionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        return ArrivalSessionFacts.Read(await sessions.LoadFactsAsync(sessionId, ct));
    }
}
