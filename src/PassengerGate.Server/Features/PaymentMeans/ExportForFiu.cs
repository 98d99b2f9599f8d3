using System.Globalization;
using PassengerGate.Data.PaymentMeans;
using PassengerGate.Domain.Audit;
using PassengerGate.Domain.PaymentMeans;
using PassengerGate.Server.Auth;
using PassengerGate.Server.Features.Audit;

namespace PassengerGate.Server.Features.PaymentMeans;

/// <summary>
/// The FIU export for a range of declaration dates at the caller's airport, as CSV or as XML after the
/// Regulation (EU) 2021/776 declaration form (docs/currency-fiu-export.md). Departure staff and supervisors;
/// every export is audited (it hands personal data on).
/// </summary>
public static class ExportForFiu
{
    public const int MaxDays = 366;

    public static void MapFiuExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/currency/export", async (string? from, string? to, string? format, HttpContext http, CurrencyDeclarationStore store, AuditTrail audit) =>
        {
            if (!TryRange(from, to, out var start, out var end, out var error))
            {
                return Results.BadRequest(new { error });
            }

            if (format is not ("csv" or "xml"))
            {
                return Results.BadRequest(new { error = "format is csv or xml" });
            }

            var airport = http.User.Airport();
            var rows = await store.LoadRangeAsync(airport, start, end, http.RequestAborted);
            await audit.StaffActAsync(http.User, CurrencyAuditActions.Exported, "currency:export", new { from = start, to = end, format, declarations = rows.Count }, http.RequestAborted);
            http.Response.Headers.CacheControl = "no-store";
            var name = string.Create(CultureInfo.InvariantCulture, $"currency-declarations-{airport}-{start:yyyyMMdd}-{end:yyyyMMdd}.{format}");
            return format == "csv"
                ? Results.File(System.Text.Encoding.UTF8.GetBytes(FiuExport.Csv(rows.Select(r => r.ToFiuRecord()))), "text/csv; charset=utf-8", name)
                : Results.File(System.Text.Encoding.UTF8.GetBytes(FiuExport.Xml(rows.Select(r => r.ToFiuRecord()), start, end)), "application/xml; charset=utf-8", name);
        }).RequireAuthorization(StaffAuth.Policies.DepartureConsole);

    public static bool TryRange(string? from, string? to, out DateOnly start, out DateOnly end, out string? error)
    {
        end = default;
        error = null;
        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start)
            || !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out end))
        {
            error = "from and to are yyyy-MM-dd dates";
            return false;
        }

        if (end < start || end.DayNumber - start.DayNumber >= MaxDays)
        {
            error = $"to is on or after from, at most {MaxDays} days";
            return false;
        }

        return true;
    }
}
