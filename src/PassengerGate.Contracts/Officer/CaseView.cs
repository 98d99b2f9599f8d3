using System.Text.Json.Serialization;

namespace PassengerGate.Contracts.Officer;

/// <summary>
/// Everything the service established about a referred case, for the officer who holds it: the document
/// check, the face result (scores only, never an image), the declaration with the assessment of each line,
/// the risk hits with their rule ids, the lines an officer assessed and the payment received.
/// </summary>
public sealed record CaseView(
    ReferralNotice Referral,
    string? ClaimedBy,
    DocumentResult? Document,
    FaceCheckResult? Face,
    DeclarationView? Declaration,
    RiskView? Risk,
    IReadOnlyList<OfficerLineAssessment> OfficerAssessments,
    PaymentRecord? Payment,
    decimal DutyDueYen);

/// <summary>MRZ fields and the chip: passive authentication's result code (e.g. "PA_OK" or the failing reason).</summary>
public sealed record DocumentResult(
    IReadOnlyList<string> MrzLines,
    string? Format,
    string? IssuingState,
    string? Nationality,
    string? DateOfBirth,
    string? ExpiryDate,
    string? Sex,
    string? Chip,
    string? PassiveAuthentication,
    bool? ActiveAuthentication)
{
    /// <summary>The service's Chip Authentication verdict (NotRequired, Valid, Missing, Failed; decision 0014); null for sessions before it.</summary>
    public string? ChipAuthentication { get; init; }
}

public sealed record FaceCheckResult(double? Score, double? Threshold, bool? QualityOk, bool? Real, bool? Live, int? FramesUsed);

/// <summary>The declared header and each goods line as assessed, with the reason for its outcome.</summary>
public sealed record DeclarationView(string? Flight, string? ArrivalDate, string? Name, decimal TotalDutyYen, IReadOnlyList<DeclaredLine> Lines);

/// <summary>One assessed line. <see cref="Outcome"/> is the domain's line outcome (free, dutiable, referredToOfficer, …).</summary>
public sealed record DeclaredLine(string Path, string Description, string Category, decimal Quantity, string Unit, decimal? OverseasValueYen, decimal DutyYen, string Outcome, string Reason)
{
    public bool ReferredToOfficer => string.Equals(Outcome, "ReferredToOfficer", StringComparison.Ordinal);
}

public sealed record RiskView(IReadOnlyList<string> Hits, bool? Selected, double? Draw, double? Rate);

/// <summary>An officer's general-rate assessment of a line the simplified rates could not take: customs value × rate.</summary>
public sealed record OfficerLineAssessment(string Path, decimal CustomsValueYen, decimal RatePercent, decimal DutyYen, string Officer, DateTimeOffset At);

/// <summary>The officer enters the customs value (yen) and the general duty rate (percent) for a line referred to an officer.</summary>
public sealed record AssessLineRequest(long CaseNumber, string Path, decimal CustomsValueYen, decimal RatePercent);

[JsonConverter(typeof(CamelCaseNames<PaymentMethod>))]
public enum PaymentMethod
{
    Cash,
    CreditCard,
    ElectronicMoney,
}

public sealed record RecordPaymentRequest(long CaseNumber, decimal AmountYen, PaymentMethod Method);

public sealed record PaymentRecord(decimal AmountYen, PaymentMethod Method, DateTimeOffset PaidAt, string Officer);
