using PassengerGate.Data.Cases;
using PassengerGate.Documents.DutyNotices;
using PassengerGate.Server.Auth;
using PassengerGate.Server.Features.Cases;

namespace PassengerGate.Server.Features.Referrals;

/// <summary>
/// GET /api/cases/{caseNumber}/duty-notice.pdf: the duty notice for a referred case, in Japanese and English.
/// The assessment is made again from the declaration bound to the session, with the same rules and weekly rates
/// as of the arrival date (so the notice shows what the lane used), with the lines an officer assessed at the
/// general rate, and the payment recorded at the counter (or unpaid). Officers and supervisors of the case's
/// airport only; another airport's case is not found.
/// </summary>
public static class DutyNoticePdf
{
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    public static void MapDutyNotice(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/cases/{caseNumber:long}/duty-notice.pdf", async (long caseNumber, HttpContext http, CaseStore cases, CaseAssessment assessments, TimeProvider clock, CancellationToken ct) =>
        {
            var row = await cases.LoadCaseAsync(caseNumber, ct);
            if (row is null || row.Airport != http.User.Airport())
            {
                return Results.NotFound(new { error = $"no case {caseNumber}" });
            }

            var assessed = await assessments.LoadAsync(caseNumber, row.Facts, ct);
            if (assessed is null)
            {
                return Results.NotFound(new { error = $"case {caseNumber} has no declaration (it was referred before one was given)" });
            }

            var paid = await cases.LoadPaymentAsync(caseNumber, ct);
            var payment = paid is null
                ? null
                : new DutyPayment(paid.AmountYen, Enum.Parse<PaymentMethod>(paid.Method, ignoreCase: true), new DateTimeOffset(paid.PaidAt, TimeSpan.Zero).ToOffset(Japan));
            var pdf = DutyNoticeDocument.Render(new DutyNotice(
                $"DN-{caseNumber}", caseNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), clock.GetUtcNow().ToOffset(Japan), assessed.Assessment, payment));
            return Results.File(pdf, "application/pdf", $"duty-notice-{caseNumber}.pdf");
        }).RequireAuthorization(StaffAuth.Policies.OfficerConsole);
}
