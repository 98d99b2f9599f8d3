using System.Text.Json;
using PassengerGate.Data.Arrival;
using PassengerGate.Data.Kiosks;
using PassengerGate.Data.Rates;
using PassengerGate.Documents.DutyNotices;
using PassengerGate.Domain.Arrival;
using PassengerGate.Server.Auth;

namespace PassengerGate.Server.Features.Referrals;

/// <summary>
/// GET /api/cases/{caseNumber}/duty-notice.pdf: the duty notice for a referred case, in Japanese and
/// English. The assessment is made again from the declaration bound to the session, with the same
/// rules and weekly rates as of the arrival date, so the notice shows exactly what the lane used.
/// Officers and supervisors of the case's airport only; another airport's case is not found.
/// </summary>
public static class DutyNoticePdf
{
    public static void MapDutyNotice(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/cases/{caseNumber:long}/duty-notice.pdf", async (long caseNumber, HttpContext http, ArrivalSessionStore sessions, KioskStore kiosks, RateStore rates, TimeProvider clock, CancellationToken ct) =>
        {
            var sessionId = await sessions.FindSessionOfCaseAsync(caseNumber, ct);
            var session = sessionId is null ? null : await sessions.LoadAsync(sessionId.Value, ct);
            if (session is null || await kiosks.FindAirportAsync(session.KioskId, ct) != http.User.Airport())
            {
                return Results.NotFound(new { error = $"no case {caseNumber}" });
            }

            using var facts = JsonDocument.Parse(await sessions.LoadFactsAsync(sessionId!.Value, ct) ?? "{}");
            if (!facts.RootElement.TryGetProperty("declaration", out var declaration))
            {
                return Results.NotFound(new { error = $"case {caseNumber} has no declaration (it was referred before one was given)" });
            }

            var read = DeclarationJson.Read(declaration.GetProperty("json").GetRawText());
            if (!read.IsValid)
            {
                return Results.Problem($"the declaration stored for case {caseNumber} no longer reads: {string.Join("; ", read.Errors.Select(e => e.Message))}");
            }

            var asOf = read.Declaration!.Header.ArrivalDate;
            var assessment = ArrivalAssessor.Assess(read.Declaration, ArrivalRuleBook.Japan, await rates.LoadRateTableAsync(asOf, ct), asOf);
            var japan = TimeSpan.FromHours(9);
            // No payment is recorded for a case yet, so the notice says unpaid (Payment: null).
            var pdf = DutyNoticeDocument.Render(new DutyNotice($"DN-{caseNumber}", caseNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), clock.GetUtcNow().ToOffset(japan), assessment, Payment: null));
            return Results.File(pdf, "application/pdf", $"duty-notice-{caseNumber}.pdf");
        }).RequireAuthorization(StaffAuth.Policies.OfficerConsole);
}
