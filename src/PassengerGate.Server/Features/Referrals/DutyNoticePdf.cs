using System.Text.Json;
using PassengerGate.Data.Arrival;
using PassengerGate.Data.Rates;
using PassengerGate.Documents.DutyNotices;
using PassengerGate.Domain.Arrival;

namespace PassengerGate.Server.Features.Referrals;

/// <summary>
/// GET /api/cases/{caseNumber}/duty-notice.pdf: the duty notice for a referred case, in Japanese and
/// English. The assessment is made again from the declaration bound to the session, with the same
/// rules and weekly rates as of the arrival date, so the notice shows exactly what the lane used.
/// </summary>
public static class DutyNoticePdf
{
    public static void MapDutyNotice(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/cases/{caseNumber:long}/duty-notice.pdf", async (long caseNumber, ArrivalSessionStore sessions, RateStore rates, TimeProvider clock, CancellationToken ct) =>
        {
            var sessionId = await sessions.FindSessionOfCaseAsync(caseNumber, ct);
            if (sessionId is null)
            {
                return Results.NotFound(new { error = $"no case {caseNumber}" });
            }

            using var facts = JsonDocument.Parse(await sessions.LoadFactsAsync(sessionId.Value, ct) ?? "{}");
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
        });
}
