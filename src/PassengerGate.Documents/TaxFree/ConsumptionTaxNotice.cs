using PassengerGate.Documents.DutyNotices;

namespace PassengerGate.Documents.TaxFree;

/// <summary>One item not carried out: what it is (with the details the inspector compared), the tax base, rate and tax.</summary>
public sealed record AssessedItem(string Description, string? Identification, long TaxBaseYen, int RatePercent, long TaxYen);

/// <summary>
/// What the consumption-tax notice (賦課決定通知書) prints: the assessment of goods bought tax-free under the exemption
/// regime and not carried out, the record and traveller it concerns, when it was issued (printed with the offset it
/// carries, the airport's time) and the payment, or null while unpaid.
/// </summary>
public sealed record ConsumptionTaxNotice(
    string NoticeNumber,
    string Airport,
    DateTimeOffset IssuedAt,
    string IssuedBy,
    string PassportNumber,
    string Nationality,
    string ShopId,
    string RecordId,
    DateOnly PurchaseDay,
    IReadOnlyList<AssessedItem> Items,
    long TotalTaxYen,
    DutyPayment? Payment,
    string? ReceiptNumber);
