using System.Globalization;
using System.Text;
using PassengerGate.Data.Audit;
using PassengerGate.Domain.Audit;
using PassengerGate.Server.Auth;

namespace PassengerGate.Server.Features.Audit;

/// <summary>
/// GET /api/audit (JSON) and /api/audit.csv: the audit trail of the caller's airport, searched by
/// actor, action and date range (from inclusive, to exclusive, yyyy-MM-dd in UTC). Supervisors and
/// administrators only; an export is itself audited.
/// </summary>
public static class SearchAudit
{
    private const int MaxRows = 5000;

    public static void MapAuditSearch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", async (HttpContext http, string? actor, string? action, string? from, string? to, AuditStore store) =>
        {
            if (!TryQuery(http, actor, action, from, to, 500, out var query, out var error))
            {
                return Results.BadRequest(new { error });
            }

            var rows = await store.SearchAsync(query, http.RequestAborted);
            return Results.Ok(rows.Select(r => new
            {
                id = r.Id,
                at = new DateTimeOffset(r.At, TimeSpan.Zero),
                actor = r.Actor,
                actorKind = r.ActorKind,
                action = r.Action,
                subject = r.Subject,
                airport = r.Airport,
                detail = r.Detail,
                hash = Convert.ToHexStringLower(r.Hash),
            }));
        }).RequireAuthorization(StaffAuth.Policies.AuditReader);

        app.MapGet("/api/audit.csv", async (HttpContext http, string? actor, string? action, string? from, string? to, AuditStore store, AuditTrail audit) =>
        {
            if (!TryQuery(http, actor, action, from, to, MaxRows, out var query, out var error))
            {
                return Results.BadRequest(new { error });
            }

            var rows = await store.SearchAsync(query, http.RequestAborted);
            await audit.StaffActAsync(http.User, AuditActions.AuditExported, "audit", new { actor, action, from, to, rows = rows.Count }, http.RequestAborted);
            var csv = new StringBuilder("id,at,actor,actor_kind,action,subject,airport,detail,prev_hash,hash\r\n");
            foreach (var r in rows)
            {
                csv.AppendJoin(',', [
                    r.Id.ToString(CultureInfo.InvariantCulture),
                    new DateTimeOffset(r.At, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
                    Cell(r.Actor), Cell(r.ActorKind), Cell(r.Action), Cell(r.Subject), Cell(r.Airport ?? ""), Cell(r.Detail),
                    Convert.ToHexStringLower(r.PrevHash), Convert.ToHexStringLower(r.Hash)]).Append("\r\n");
            }

            return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "audit.csv");
        }).RequireAuthorization(StaffAuth.Policies.AuditReader);
    }

    // RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it as a formula (CSV injection).
    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static bool TryQuery(HttpContext http, string? actor, string? action, string? from, string? to, int limit, out AuditStore.Query query, out string? error)
    {
        query = null!;
        error = null;
        DateTimeOffset? Parse(string? text, string name, ref string? err)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }

            err = $"{name} '{text}' is not a yyyy-MM-dd date";
            return null;
        }

        var f = Parse(from, "from", ref error);
        var t = Parse(to, "to", ref error);
        if (error is not null)
        {
            return false;
        }

        query = new AuditStore.Query(string.IsNullOrWhiteSpace(actor) ? null : actor.Trim(), string.IsNullOrWhiteSpace(action) ? null : action.Trim(), f, t, http.User.Airport(), limit);
        return true;
    }
}
