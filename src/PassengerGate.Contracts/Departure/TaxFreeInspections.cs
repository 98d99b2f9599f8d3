using System.Text.Json.Serialization;
using PassengerGate.Contracts.Officer;
using PassengerGate.Contracts.TaxFree;

namespace PassengerGate.Contracts.Departure;

/// <summary>What staff found of one item at the red-lane inspection (docs/taxfree-rules.md §4).</summary>
[JsonConverter(typeof(CamelCaseNames<InspectionMark>))]
public enum InspectionMark
{
    Present,
    Missing,
}

/// <summary>How an inspection ended.</summary>
[JsonConverter(typeof(CamelCaseNames<InspectionResult>))]
public enum InspectionResult
{
    /// <summary>Every item shown: export confirmed.</summary>
    Confirmed,

    /// <summary>Refund regime, an item missing: the whole record refused (DOMAIN.md §5 rule 6).</summary>
    Refused,

    /// <summary>Exemption regime, an item missing: consumption tax assessed on each missing item.</summary>
    Assessed,
}

/// <summary>How the assessed consumption tax was paid at the counter.</summary>
[JsonConverter(typeof(CamelCaseNames<TaxPaymentMethod>))]
public enum TaxPaymentMethod
{
    Cash,
    CreditCard,
    ElectronicMoney,
}

/// <summary>One item of the record with the details to compare (brand, model, serial) and staff's mark, null until marked.</summary>
public sealed record InspectionItemView(
    int Index,
    string Description,
    int Quantity,
    long UnitPrice,
    string? Brand,
    string? Model,
    string? Serial,
    TaxFreeItemCategory Category,
    InspectionMark? Mark,
    string? MarkedBy);

/// <summary>The tax on one item not carried out: its line total excluding tax, the rate and the tax (fractions of a yen dropped).</summary>
public sealed record AssessedItemView(int Index, string Description, long TaxBase, int RatePercent, long Tax);

public sealed record TaxPaymentView(long AmountYen, TaxPaymentMethod Method, string? ReceiptNumber, DateTimeOffset PaidAt, string RecordedBy);

/// <summary>A consumption-tax assessment (賦課決定) and its notice (a PDF link), with the payment once recorded.</summary>
public sealed record TaxAssessmentView(long Id, string Number, IReadOnlyList<AssessedItemView> Items, long TotalTax, string Notice, TaxPaymentView? Payment);

/// <summary>
/// A record a red departure check left open, on the airport's inspection worklist (staff only: it carries the
/// traveller's passport). <see cref="Result"/> is null while open.
/// </summary>
public sealed record TaxFreeInspectionView(
    string ShopId,
    string RecordId,
    string PassportNumber,
    string Nationality,
    DateOnly PurchaseDay,
    TaxFreeRegimeCode Regime,
    long TotalYen,
    DateTimeOffset SentAt,
    IReadOnlyList<InspectionItemView> Items,
    InspectionResult? Result,
    DateTimeOffset? ClosedAt,
    string? ClosedBy,
    TaxAssessmentView? Assessment);

public sealed record MarkItemRequest(string ShopId, string RecordId, int ItemIndex, InspectionMark Mark);

/// <summary>Closes an inspection once every item is marked: the result follows from the marks and the regime.</summary>
public sealed record CloseInspectionRequest(string ShopId, string RecordId);

public sealed record RecordTaxPaymentRequest(long AssessmentId, TaxPaymentMethod Method, string? ReceiptNumber);
