using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Departure;
using PassengerGate.Contracts.TaxFree;
using PassengerGate.Data.TaxFree;
using PassengerGate.Domain.TaxFree;
using PassengerGate.Domain.Time;
using PassengerGate.Server.Auth;
using PassengerGate.Server.Hubs;

namespace PassengerGate.Server.Features.TaxFree;

/// <summary>
/// Loads a red-lane inspection for staff (another airport's is answered exactly like one that does not exist), turns
/// stored rows into the console's view, and tells the airport's departure consoles of a change.
/// </summary>
public sealed class InspectionAccess(TaxFreeInspectionStore store, AirportClock airport, IHubContext<DepartureHub, IDepartureClient> departure)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string AssessmentNumber(long id) => "TA-" + id.ToString("D6", CultureInfo.InvariantCulture);

    public static string NoticePath(long id) => $"/api/taxfree/assessments/{id}/notice.pdf";

    public async Task<TaxFreeInspectionStore.Row> LoadAsync(string? shopId, string? recordId, ClaimsPrincipal user, CancellationToken ct)
    {
        var row = shopId is null || recordId is null ? null : await store.LoadAsync(shopId, recordId, ct);
        return row is null || row.Airport != user.Airport() ? throw new HubException($"No inspection for record {recordId}.") : row;
    }

    public async Task<IReadOnlyList<TaxFreeInspectionView>> OpenAtAsync(string airportCode, CancellationToken ct) =>
        [.. (await store.OpenAtAsync(airportCode, ct)).Select(r => View(r, null))];

    /// <summary>Reloads after a change and tells the airport's departure consoles.</summary>
    public async Task<TaxFreeInspectionView> ChangedAsync(string shopId, string recordId, CancellationToken ct)
    {
        var row = await store.LoadAsync(shopId, recordId, ct) ?? throw new HubException($"No inspection for record {recordId}.");
        var assessment = row.AssessmentId is { } id ? await store.LoadAssessmentAsync(id, ct) : null;
        var view = View(row, assessment);
        await departure.Clients.Group(DepartureHub.AirportGroup(row.Airport)).InspectionChanged(view);
        return view;
    }

    public PurchaseRecord RecordOf(TaxFreeInspectionStore.Row row) =>
        new(row.RecordId, row.ShopId, row.PassportNumber, row.Nationality, Utc(row.PurchasedAt), PurchaseRecordJson.ReadItems(row.ItemsJson));

    public static IReadOnlyList<ItemTaxAssessment> LinesOf(TaxFreeInspectionStore.Assessment assessment) =>
        JsonSerializer.Deserialize<List<ItemTaxAssessment>>(assessment.LinesJson, Json) ?? [];

    public static DateTimeOffset Utc(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));

    private TaxFreeInspectionView View(TaxFreeInspectionStore.Row row, TaxFreeInspectionStore.Assessment? assessment)
    {
        var record = RecordOf(row);
        var marks = row.Marks.ToDictionary(m => m.ItemIndex);
        var items = record.Items.Select((item, index) => new InspectionItemView(
            index,
            item.Description,
            item.Quantity,
            item.UnitPrice,
            item.Brand,
            item.Model,
            item.Serial,
            TaxFreeAnswers.ToContract(item.Category),
            marks.TryGetValue(index, out var mark) ? (mark.Present ? InspectionMark.Present : InspectionMark.Missing) : null,
            marks.TryGetValue(index, out var by) ? by.MarkedBy : null)).ToList();
        return new TaxFreeInspectionView(
            row.ShopId,
            row.RecordId,
            row.PassportNumber,
            row.Nationality,
            TaxFreeRules.PurchaseDay(record.PurchasedAt, airport.Zone),
            TaxFreeAnswers.ToContract(TaxFreeRules.RegimeOf(record.PurchasedAt, airport.Zone)),
            record.Total,
            Utc(row.SentAt),
            items,
            row.Result switch
            {
                "confirmed" => InspectionResult.Confirmed,
                "refused" => InspectionResult.Refused,
                "assessed" => InspectionResult.Assessed,
                _ => null,
            },
            row.ClosedAt is { } closed ? Utc(closed) : null,
            row.ClosedBy,
            assessment is null ? null : AssessmentView(assessment));
    }

    private static TaxAssessmentView AssessmentView(TaxFreeInspectionStore.Assessment a) => new(
        a.Id,
        AssessmentNumber(a.Id),
        [.. LinesOf(a).Select(l => new AssessedItemView(l.ItemIndex, l.Description, l.TaxBase, l.RatePercent, l.Tax))],
        a.TotalTax,
        NoticePath(a.Id),
        a.PaidAt is { } paid
            ? new TaxPaymentView(a.TotalTax, Enum.Parse<TaxPaymentMethod>(a.PaymentMethod!, ignoreCase: true), a.ReceiptNumber, Utc(paid), a.PaidBy ?? "")
            : null);
}
