using System.Text.Json;
using PassengerGate.Contracts.TaxFree;
using PassengerGate.Data.TaxFree;
using PassengerGate.Domain.TaxFree;
using PassengerGate.Domain.Time;

namespace PassengerGate.Server.Features.TaxFree;

/// <summary>
/// POST /api/taxfree/records: a shop's purchase record. Idempotent by record id: the same content again (spacing and
/// member order aside) gets the first answer again; other content under the same id is refused with 409. Invalid
/// records get every field error as RFC 9457 problem details (https://www.rfc-editor.org/rfc/rfc9457), as
/// declarations do (decision 0017). The answer carries the record's eligibility (docs/taxfree-rules.md §2).
/// </summary>
public sealed class SubmitPurchaseRecord(TaxFreeStore store, AirportClock airport)
{
    public const string Route = "/api/taxfree/records";
    public const int MaxBodyBytes = 256 * 1024;
    public const string RefusedType = "urn:passengergate:problem:taxfree-record-refused";
    public const string ConflictType = "urn:passengergate:problem:taxfree-record-conflict";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IResult> HandleAsync(string shopId, string body, CancellationToken ct)
    {
        var read = PurchaseRecordJson.Read(body, shopId);
        if (!read.IsValid)
        {
            return Results.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Type = RefusedType,
                Title = "The purchase record cannot be accepted.",
                Status = StatusCodes.Status400BadRequest,
                Detail = "Correct the fields listed in errors and send it again.",
                Extensions = { ["errors"] = read.Errors.Select(e => new TaxFreeFieldError(e.Path, e.Message)).ToList() },
            });
        }

        var record = read.Record!;
        var hash = PurchaseRecordJson.BodyHash(record);
        var existing = await store.FindRecordAsync(shopId, record.RecordId, ct);
        if (existing is null)
        {
            var sameDay = await SameDayAsync(record, ct);
            var reasons = TaxFreeRules.Eligibility(record, sameDay, airport.Zone);
            var answerJson = EligibilityAnswer.Json(record, reasons, airport.Zone);
            var inserted = await store.TryInsertRecordAsync(
                new TaxFreeStore.NewRecord(shopId, record.RecordId, record.PassportNumber, record.Nationality, record.PurchasedAt,
                    TaxFreeRules.PurchaseDay(record.PurchasedAt, airport.Zone), record.Total, PurchaseRecordJson.ItemsJson(record.Items), hash,
                    answerJson, airport.Now, EligibilityAnswer.State(reasons), reasons.Select(EligibilityAnswer.Name).ToArray()),
                ct);
            if (inserted)
            {
                return Results.Content(answerJson, "application/json", statusCode: StatusCodes.Status201Created);
            }

            // Another request with this id won the race: answer as for a repeat.
            existing = await store.FindRecordAsync(shopId, record.RecordId, ct);
        }

        if (existing is null || !existing.BodyHash.AsSpan().SequenceEqual(hash))
        {
            return Results.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Type = ConflictType,
                Title = "Another purchase record was already submitted under this record id.",
                Status = StatusCodes.Status409Conflict,
                Detail = "A record id names one record for good; submit a corrected record under a new id.",
            });
        }

        return Results.Content(existing.AnswerJson, "application/json", statusCode: StatusCodes.Status201Created);
    }

    private async Task<IReadOnlyList<PurchaseRecord>> SameDayAsync(PurchaseRecord record, CancellationToken ct)
    {
        var rows = await store.SameShopSameDayAsync(record.ShopId, record.PassportNumber, record.Nationality, TaxFreeRules.PurchaseDay(record.PurchasedAt, airport.Zone), ct);
        return rows.Select(r => r.ToDomain()).ToList();
    }
}
