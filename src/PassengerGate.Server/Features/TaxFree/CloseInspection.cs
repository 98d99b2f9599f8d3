using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Departure;
using PassengerGate.Contracts.TaxFree;
using PassengerGate.Data.Audit;
using PassengerGate.Data.TaxFree;
using PassengerGate.Domain.Audit;
using PassengerGate.Domain.TaxFree;
using PassengerGate.Domain.Time;
using PassengerGate.Server.Features.Audit;

namespace PassengerGate.Server.Features.TaxFree;

/// <summary>
/// Closes a red-lane inspection once every item is marked (docs/taxfree-rules.md §4, the domain's
/// <see cref="TaxFreeRules.Inspect"/>): every item shown ⇒ export confirmed; refund regime with an item missing ⇒ the
/// whole record refused, reason <c>itemMissing</c> (DOMAIN.md §5 rule 6); exemption regime with items missing ⇒ the
/// record stands for the goods shown (confirmed) and the consumption tax on each missing item is assessed, with a
/// notice to print. The record is decided through <see cref="DecideTaxFreeRecords"/>, so its shop hears exactly one
/// result, in the same transaction as the close, the assessment and their audit rows.
/// </summary>
public sealed class CloseInspection(TaxFreeInspectionStore store, InspectionAccess access, DecideTaxFreeRecords decide, AuditTrail audit, AirportClock airport)
{
    public async Task<TaxFreeInspectionView> HandleAsync(CloseInspectionRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var row = await access.LoadAsync(request.ShopId, request.RecordId, user, ct);
        if (row.ClosedAt is not null)
        {
            throw new HubException($"The inspection of record {row.RecordId} is closed.");
        }

        var record = access.RecordOf(row);
        var unmarked = Enumerable.Range(0, record.Items.Count).Except(row.Marks.Select(m => m.ItemIndex)).ToList();
        if (unmarked.Count > 0)
        {
            throw new HubException($"Mark every item present or missing first: item(s) {string.Join(", ", unmarked)} of record {row.RecordId} are not marked.");
        }

        var missing = row.Marks.Where(m => !m.Present).Select(m => m.ItemIndex).ToHashSet();
        var outcome = TaxFreeRules.Inspect(record, missing, airport.Zone);
        var (result, verdict) = outcome switch
        {
            { Refused: true } => ("refused", new DecideTaxFreeRecords.Verdict(row.ShopId, row.RecordId, TaxFreeRecordState.Refused, [TaxFreeReasonCode.ItemMissing])),
            { Confirmed: true } => ("confirmed", new DecideTaxFreeRecords.Verdict(row.ShopId, row.RecordId, TaxFreeRecordState.Confirmed, [])),
            // Exemption regime: the goods shown are exported; the missing goods' tax is the traveller's to pay to customs.
            _ => ("assessed", new DecideTaxFreeRecords.Verdict(row.ShopId, row.RecordId, TaxFreeRecordState.Confirmed, [])),
        };
        var assessment = outcome.Assessments.Count == 0 ? null : new TaxFreeInspectionStore.NewAssessment(
            row.PassportNumber, row.Nationality, JsonSerializer.Serialize(outcome.Assessments, InspectionAccess.Json), outcome.TaxAssessed);
        var subject = MarkInspectedItem.Subject(row.ShopId, row.RecordId);
        var closed = audit.Record(user, TaxFreeAuditActions.InspectionClosed, subject, new { result, missing = missing.Order().ToArray() });
        IReadOnlyList<AuditRecord> Audits(long? assessmentId) => assessmentId is { } id
            ? [closed, audit.Record(user, TaxFreeAuditActions.AssessmentIssued, subject, new { assessment = InspectionAccess.AssessmentNumber(id), totalTax = outcome.TaxAssessed })]
            : [closed];

        if (!await decide.DecideWithAsync([verdict], (decisions, at) => store.CloseAsync(row.ShopId, row.RecordId, result, closed.Actor, decisions, at, assessment, Audits, ct)))
        {
            throw new HubException($"Record {row.RecordId} is already decided or its inspection closed.");
        }

        return await access.ChangedAsync(row.ShopId, row.RecordId, ct);
    }
}
