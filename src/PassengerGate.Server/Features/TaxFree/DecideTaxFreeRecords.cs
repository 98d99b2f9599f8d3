using System.Text.Json;
using PassengerGate.Contracts.TaxFree;
using PassengerGate.Data.TaxFree;

namespace PassengerGate.Server.Features.TaxFree;

/// <summary>
/// Decides records for good (export confirmed, or refused with its reasons) and queues the event for each record's
/// shop in the same transaction (migration 0121). A record is decided once: a second decision, whatever its result,
/// is refused, so a shop never hears two different results for one record (docs/taxfree-webhooks.md).
/// </summary>
public sealed class DecideTaxFreeRecords(TaxFreeOutboxStore outbox, TimeProvider clock, TaxFreeWebhookSignal signal)
{
    public sealed record Verdict(string ShopId, string RecordId, TaxFreeRecordState Result, IReadOnlyList<TaxFreeReasonCode> Reasons);

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>True when every verdict was recorded; false (and none recorded) when any record was decided already.</summary>
    public Task<bool> DecideAsync(IReadOnlyList<Verdict> verdicts, CancellationToken ct) =>
        DecideWithAsync(verdicts, (decisions, at) => outbox.DecideAsync(decisions, at, ct));

    /// <summary>
    /// The same decision written by <paramref name="write"/>, which commits the decisions (through
    /// <see cref="TaxFreeOutboxStore.DecideAsync(Npgsql.NpgsqlConnection, Npgsql.NpgsqlTransaction, IReadOnlyList{TaxFreeOutboxStore.Decision}, DateTimeOffset, CancellationToken)"/>)
    /// together with its own change — the red-lane inspection closed and audited — or nothing.
    /// </summary>
    public async Task<bool> DecideWithAsync(IReadOnlyList<Verdict> verdicts, Func<IReadOnlyList<TaxFreeOutboxStore.Decision>, DateTimeOffset, Task<bool>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(verdicts);
        if (verdicts.Any(v => v.Result is not (TaxFreeRecordState.Confirmed or TaxFreeRecordState.Refused)))
        {
            throw new ArgumentException("a decision confirms or refuses", nameof(verdicts));
        }

        // Whole microseconds, as PostgreSQL keeps them, so the event body and GET /records/{id} show the same instant.
        var now = clock.GetUtcNow();
        var at = now.AddTicks(-(now.Ticks % 10));
        var decisions = verdicts.Select(v =>
        {
            var eventId = Guid.CreateVersion7(at);
            var body = JsonSerializer.Serialize(new TaxFreeConfirmationEvent(eventId, v.RecordId, v.Result, v.Reasons, at), Json);
            var reasons = v.Reasons.Select(r => JsonNamingPolicy.CamelCase.ConvertName(r.ToString())).ToArray();
            return new TaxFreeOutboxStore.Decision(v.ShopId, v.RecordId, TaxFreeAnswers.StateName(v.Result), reasons, eventId, body);
        }).ToList();
        if (!await write(decisions, at))
        {
            return false;
        }

        signal.Notify();
        return true;
    }
}
