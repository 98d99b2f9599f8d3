using Microsoft.AspNetCore.SignalR;
using PassengerGate.Data.PaymentMeans;
using PassengerGate.Documents.CurrencyDeclarations;
using PassengerGate.Domain.Audit;
using PassengerGate.Domain.PaymentMeans;
using PassengerGate.Domain.Time;
using PassengerGate.Server.Auth;
using PassengerGate.Server.Features.Audit;

namespace PassengerGate.Server.Features.PaymentMeans;

/// <summary>
/// The traveller's copy of a declaration and the retention receipt for restrained cash (issue 11 point 6), printed
/// at the departure desk from the stored record, times in the airport's time. Departure staff and supervisors of the
/// declaration's airport; another airport's declaration is not found. Printing is audited.
/// </summary>
public static class CurrencyDocuments
{
    public static void MapCurrencyDocuments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/currency/declarations/{id:long}/copy.pdf", async (long id, HttpContext http, DeclarationAccess access, AirportClock airportClock, AuditTrail audit) =>
        {
            if (await LoadAsync(id, http, access) is not { } row || row.ReadDeclaration() is not { } declaration)
            {
                return Results.NotFound(new { error = $"no declaration {CurrencyDeclarationStore.Number(id)}" });
            }

            var pdf = CurrencyDeclarationDocuments.RenderCopy(new CurrencyDeclarationCopy(
                CurrencyDeclarationStore.Number(row.Id),
                row.Airport,
                TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(row.RecordedAt, DateTimeKind.Utc)), airportClock.Zone),
                row.Direction,
                declaration.Bearer.Name,
                declaration.Bearer.Nationality,
                declaration.Bearer.DocumentNumber,
                declaration.DestinationCountry,
                Lines(row),
                row.Total,
                row.ReportingCurrency));
            await audit.StaffActAsync(http.User, CurrencyAuditActions.DocumentPrinted, "currency:" + CurrencyDeclarationStore.Number(row.Id), new { document = "copy" }, http.RequestAborted);
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(pdf, "application/pdf", $"currency-declaration-{CurrencyDeclarationStore.Number(row.Id)}.pdf");
        }).RequireAuthorization(StaffAuth.Policies.DepartureConsole);

        app.MapGet("/api/currency/declarations/{id:long}/retention-receipt.pdf", async (long id, HttpContext http, DeclarationAccess access, AirportClock airportClock, AuditTrail audit) =>
        {
            if (await LoadAsync(id, http, access) is not { } row)
            {
                return Results.NotFound(new { error = $"no declaration {CurrencyDeclarationStore.Number(id)}" });
            }

            if (row.RestrainedAt is not { } restrainedAt || row.RestrainedAmount is not { } amount)
            {
                return Results.NotFound(new { error = $"no cash is restrained on {CurrencyDeclarationStore.Number(id)}" });
            }

            var pdf = CurrencyDeclarationDocuments.RenderRetentionReceipt(new CashRetentionReceipt(
                CurrencyDeclarationStore.Number(row.Id),
                row.Airport,
                TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(restrainedAt, DateTimeKind.Utc)), airportClock.Zone),
                row.DecidedBy ?? "",
                row.BearerName ?? "",
                row.BearerDocumentNumber,
                Lines(row),
                amount,
                row.ReportingCurrency,
                row.CaseOrigin ?? "",
                row.CaseIntendedUse ?? ""));
            await audit.StaffActAsync(http.User, CurrencyAuditActions.DocumentPrinted, "currency:" + CurrencyDeclarationStore.Number(row.Id), new { document = "retentionReceipt" }, http.RequestAborted);
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(pdf, "application/pdf", $"cash-retention-receipt-{CurrencyDeclarationStore.Number(row.Id)}.pdf");
        }).RequireAuthorization(StaffAuth.Policies.DepartureConsole);
    }

    private static async Task<CurrencyDeclarationStore.Row?> LoadAsync(long id, HttpContext http, DeclarationAccess access)
    {
        try
        {
            return await access.LoadAsync(id, http.User, http.RequestAborted);
        }
        catch (HubException)
        {
            return null;
        }
    }

    private static List<PrintedInstrument> Lines(CurrencyDeclarationStore.Row row)
    {
        var counted = DepartureViews.CountedOf(row);
        var assessment = row.ReadAssessment();
        var compared = counted is null ? null : CountComparison.Compare(assessment, counted);
        return [.. assessment.Instruments.Where(i => i.Counted is not null).Select(i => new PrintedInstrument(
            CurrencyDeclarationJson.EnumName(i.Kind),
            i.Counted!.Value.Currency.Value,
            i.Counted.Value.Amount,
            compared?.Lines.FirstOrDefault(l => l.Path == i.Path)?.Counted))];
    }
}
