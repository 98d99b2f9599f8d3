using PassengerGate.Data.TaxFree;
using PassengerGate.Documents.DutyNotices;
using PassengerGate.Documents.TaxFree;
using PassengerGate.Domain.Audit;
using PassengerGate.Domain.TaxFree;
using PassengerGate.Domain.Time;
using PassengerGate.Server.Auth;
using PassengerGate.Server.Features.Audit;

namespace PassengerGate.Server.Features.TaxFree;

/// <summary>
/// The notice of consumption tax assessed at a red-lane inspection (exemption regime), printed from the stored
/// assessment in the airport's time, Japanese and English, with the payment once recorded. Departure staff and
/// supervisors of the assessment's airport; another airport's assessment is not found. Each print is audited.
/// </summary>
public static class ConsumptionTaxNotices
{
    public static void MapConsumptionTaxNotices(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/taxfree/assessments/{id:long}/notice.pdf", async (long id, HttpContext http, TaxFreeInspectionStore store, InspectionAccess access, AirportClock airport, AuditTrail audit) =>
        {
            var number = InspectionAccess.AssessmentNumber(id);
            var assessment = await store.LoadAssessmentAsync(id, http.RequestAborted);
            var inspection = assessment is null ? null : await store.LoadAsync(assessment.ShopId, assessment.RecordId, http.RequestAborted);
            if (assessment is null || inspection is null || assessment.Airport != http.User.Airport())
            {
                return Results.NotFound(new { error = $"no assessment {number}" });
            }

            var record = access.RecordOf(inspection);
            DateTimeOffset Local(DateTime stored) => TimeZoneInfo.ConvertTime(InspectionAccess.Utc(stored), airport.Zone);
            var pdf = ConsumptionTaxNoticeDocument.Render(new ConsumptionTaxNotice(
                number,
                assessment.Airport,
                Local(assessment.IssuedAt),
                assessment.IssuedBy,
                assessment.PassportNumber,
                assessment.Nationality,
                assessment.ShopId,
                assessment.RecordId,
                TaxFreeRules.PurchaseDay(record.PurchasedAt, airport.Zone),
                [.. InspectionAccess.LinesOf(assessment).Select(l => new AssessedItem(l.Description, Identification(record.Items[l.ItemIndex]), l.TaxBase, l.RatePercent, l.Tax))],
                assessment.TotalTax,
                assessment.PaidAt is { } paid ? new DutyPayment(assessment.TotalTax, Method(assessment.PaymentMethod), Local(paid)) : null,
                assessment.ReceiptNumber));
            await audit.StaffActAsync(http.User, TaxFreeAuditActions.NoticePrinted, MarkInspectedItem.Subject(assessment.ShopId, assessment.RecordId), new { assessment = number }, http.RequestAborted);
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(pdf, "application/pdf", $"consumption-tax-notice-{number}.pdf");
        }).RequireAuthorization(StaffAuth.Policies.DepartureConsole);

    private static string? Identification(PurchaseItem item) =>
        string.Join(" ", new[] { item.Brand, item.Model, item.Serial }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } text ? text : null;

    private static PaymentMethod Method(string? stored) => stored switch
    {
        "cash" => PaymentMethod.Cash,
        "creditCard" => PaymentMethod.CreditCard,
        _ => PaymentMethod.ElectronicMoney,
    };
}
