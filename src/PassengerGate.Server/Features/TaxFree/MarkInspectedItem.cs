using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Departure;
using PassengerGate.Data.TaxFree;
using PassengerGate.Domain.Audit;
using PassengerGate.Server.Features.Audit;

namespace PassengerGate.Server.Features.TaxFree;

/// <summary>
/// Departure staff mark one item of an open red-lane inspection present or missing, after comparing what the
/// traveller shows with the record's details (brand, model, serial). A mark decides nothing and may be changed until
/// the inspection is closed; each mark is audited with the change.
/// </summary>
public sealed class MarkInspectedItem(TaxFreeInspectionStore store, InspectionAccess access, AuditTrail audit, TimeProvider clock)
{
    public async Task<TaxFreeInspectionView> HandleAsync(MarkItemRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var row = await access.LoadAsync(request.ShopId, request.RecordId, user, ct);
        var items = access.RecordOf(row).Items.Count;
        if (request.ItemIndex < 0 || request.ItemIndex >= items)
        {
            throw new HubException($"Record {row.RecordId} has no item {request.ItemIndex} (items 0 to {items - 1}).");
        }

        if (!Enum.IsDefined(request.Mark))
        {
            throw new HubException("Mark the item present or missing.");
        }

        var present = request.Mark == InspectionMark.Present;
        var record = audit.Record(user, TaxFreeAuditActions.ItemMarked, Subject(row.ShopId, row.RecordId), new { item = request.ItemIndex, mark = present ? "present" : "missing" });
        if (!await store.MarkAsync(row.ShopId, row.RecordId, request.ItemIndex, present, record.Actor, clock.GetUtcNow(), record, ct))
        {
            throw new HubException($"The inspection of record {row.RecordId} is closed.");
        }

        return await access.ChangedAsync(row.ShopId, row.RecordId, ct);
    }

    /// <summary>The audit subject of a record's inspection: shop and record ids, no personal data.</summary>
    public static string Subject(string shopId, string recordId) => $"taxfree:{shopId}/{recordId}";
}
