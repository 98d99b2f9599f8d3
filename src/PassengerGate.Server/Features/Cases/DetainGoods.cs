using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Data.Cases;
using PassengerGate.Documents.DetainedGoods;
using PassengerGate.Domain.Audit;
using PassengerGate.Server.Auth;
using PassengerGate.Domain.Time;
using PassengerGate.Server.Features.Audit;

namespace PassengerGate.Server.Features.Cases;

/// <summary>
/// "Detain goods with a receipt" (issue 9, officer console): the officer who holds a case records the goods customs
/// keeps — description, quantity and the reason, in words the traveller reads — once, audited in the same
/// transaction; the detained-goods receipt (Japanese and English, PDF/A-2b) is printed from that record with the
/// detention time in the airport's time. Closing a case as "goods detained" needs the record first (DecideCase).
/// Officers and supervisors of the case's airport only; another airport's case is not found.
/// </summary>
public static class DetainGoods
{
    public const int MaxItems = 50;
    public const int MaxText = 200;
    public const int MaxQuantity = 9999;

    public static void MapDetainedGoods(this IEndpointRouteBuilder app)
    {
        // Form fields repeat per article: description, quantity, reason (the n-th of each belong together).
        app.MapPost("/api/cases/{caseNumber:long}/detained-goods", async (long caseNumber, HttpContext http, CaseAccess access, DetainedGoodsStore goods, AuditTrail audit, AirportClock airportClock) =>
        {
            var ct = http.RequestAborted;
            try
            {
                await access.LoadAsync(caseNumber, http.User, ct);
            }
            catch (HubException)
            {
                return Results.NotFound(new { error = $"no case {caseNumber}" });
            }

            var form = await http.Request.ReadFormAsync(ct);
            if (!TryItems(form, out var items, out var error))
            {
                return Results.BadRequest(new { error });
            }

            try
            {
                await access.LoadHeldAsync(caseNumber, http.User, ct);
            }
            catch (HubException e)
            {
                return Results.Conflict(new { error = e.Message });
            }

            var now = airportClock.Now;
            var record = audit.Record(http.User, AuditActions.CaseGoodsDetained, $"case:{caseNumber}", new { articles = items.Count, quantity = items.Sum(i => i.Quantity) });
            if (!await goods.SaveAsync(caseNumber, new DetainedGoodsStore.Detention(items, http.User.UserName(), now), record, ct))
            {
                return Results.Conflict(new { error = $"goods are already recorded as detained on case {caseNumber}" });
            }

            return Results.Ok(new { caseNumber, articles = items.Count, receipt = ReceiptPath(caseNumber) });
        }).RequireAuthorization(StaffAuth.Policies.OfficerConsole).WithMetadata(new RequireAntiforgeryTokenAttribute());

        app.MapGet("/api/cases/{caseNumber:long}/detained-goods-receipt.pdf", async (long caseNumber, HttpContext http, CaseAccess access, DetainedGoodsStore goods, AirportClock airportClock) =>
        {
            var ct = http.RequestAborted;
            CaseStore.CaseRow row;
            try
            {
                row = await access.LoadAsync(caseNumber, http.User, ct);
            }
            catch (HubException)
            {
                return Results.NotFound(new { error = $"no case {caseNumber}" });
            }

            var detention = await goods.LoadAsync(caseNumber, ct);
            if (detention is null)
            {
                return Results.NotFound(new { error = $"no goods are recorded as detained on case {caseNumber}" });
            }

            var number = caseNumber.ToString(CultureInfo.InvariantCulture);
            var pdf = DetainedGoodsReceiptDocument.Render(new DetainedGoodsReceipt(
                "DG-" + number,
                number,
                row.Airport,
                detention.Officer,
                TimeZoneInfo.ConvertTime(detention.DetainedAt, airportClock.Zone),
                [.. detention.Items.Select(i => new DetainedItem(i.Description, i.Quantity, i.Reason))]));
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(pdf, "application/pdf", $"detained-goods-receipt-{number}.pdf");
        }).RequireAuthorization(StaffAuth.Policies.OfficerConsole);
    }

    public static string ReceiptPath(long caseNumber) => string.Create(CultureInfo.InvariantCulture, $"/api/cases/{caseNumber}/detained-goods-receipt.pdf");

    private static bool TryItems(IFormCollection form, out List<DetainedGoodsStore.Item> items, out string? error)
    {
        items = [];
        error = null;
        var descriptions = form["description"];
        var quantities = form["quantity"];
        var reasons = form["reason"];
        if (descriptions.Count == 0 || descriptions.Count != quantities.Count || descriptions.Count != reasons.Count)
        {
            error = "list at least one article, each with a description, a quantity and a reason";
            return false;
        }

        if (descriptions.Count > MaxItems)
        {
            error = $"at most {MaxItems} articles on one receipt";
            return false;
        }

        for (var i = 0; i < descriptions.Count; i++)
        {
            var description = (descriptions[i] ?? "").Trim();
            var reason = (reasons[i] ?? "").Trim();
            if (description.Length is 0 or > MaxText || reason.Length is 0 or > MaxText)
            {
                error = $"article {i + 1}: a description and a reason of 1 to {MaxText} characters";
                return false;
            }

            if (!int.TryParse(quantities[i], NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) || quantity is < 1 or > MaxQuantity)
            {
                error = $"article {i + 1}: the quantity is a whole number from 1 to {MaxQuantity}";
                return false;
            }

            items.Add(new DetainedGoodsStore.Item(description, quantity, reason));
        }

        return true;
    }
}
