using System.Text.Json;
using PassengerGate.Contracts.TaxFree;
using PassengerGate.Data.TaxFree;

namespace PassengerGate.Server.Features.TaxFree;

/// <summary>
/// GET /api/taxfree/records/{id}: where a record stands, for the shop that submitted it only. Another shop's record
/// id answers 404 exactly like an unknown one, so a key does not reveal which ids other shops use.
/// </summary>
public sealed class ShowPurchaseRecord(TaxFreeStore store)
{
    public async Task<IResult> HandleAsync(string shopId, string recordId, CancellationToken ct)
    {
        var row = await store.FindRecordAsync(shopId, recordId, ct);
        if (row is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such record for this shop.");
        }

        var first = JsonSerializer.Deserialize<TaxFreeRecordAnswer>(row.AnswerJson, SubmitPurchaseRecord.Json)
            ?? throw new InvalidDataException("stored answer is empty");
        var state = TaxFreeAnswers.StateOf(row.State);
        var answer = first with
        {
            State = state,
            Reasons = state is TaxFreeRecordState.Open or TaxFreeRecordState.Confirmed ? []
                : row.Reasons.Select(r => Enum.Parse<TaxFreeReasonCode>(r, ignoreCase: true)).ToList(),
            DecidedAt = row.DecidedAt is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null,
        };
        return Results.Json(answer, SubmitPurchaseRecord.Json);
    }
}
