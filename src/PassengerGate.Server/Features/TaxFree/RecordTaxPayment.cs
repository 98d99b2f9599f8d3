using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Departure;
using PassengerGate.Data.TaxFree;
using PassengerGate.Domain.Audit;
using PassengerGate.Server.Auth;
using PassengerGate.Server.Features.Audit;

namespace PassengerGate.Server.Features.TaxFree;

/// <summary>
/// Records that the consumption tax assessed at the inspection was paid at the counter, in full, how and with which
/// receipt number; once, audited with the change. Staff of the assessment's airport only.
/// </summary>
public sealed class RecordTaxPayment(TaxFreeInspectionStore store, InspectionAccess access, AuditTrail audit, TimeProvider clock)
{
    public const int MaxReceipt = 100;

    public async Task<TaxFreeInspectionView> HandleAsync(RecordTaxPaymentRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var number = InspectionAccess.AssessmentNumber(request.AssessmentId);
        var assessment = await store.LoadAssessmentAsync(request.AssessmentId, ct);
        if (assessment is null || assessment.Airport != user.Airport())
        {
            throw new HubException($"No assessment {number}.");
        }

        if (!Enum.IsDefined(request.Method))
        {
            throw new HubException("Choose how the tax was paid.");
        }

        if (request.ReceiptNumber is { Length: > MaxReceipt })
        {
            throw new HubException($"A receipt number of at most {MaxReceipt} characters.");
        }

        var method = JsonNamingPolicy.CamelCase.ConvertName(request.Method.ToString());
        var receipt = string.IsNullOrWhiteSpace(request.ReceiptNumber) ? null : request.ReceiptNumber.Trim();
        var record = audit.Record(user, TaxFreeAuditActions.TaxPaid, MarkInspectedItem.Subject(assessment.ShopId, assessment.RecordId),
            new { assessment = number, amount = assessment.TotalTax, method, receipt });
        if (!await store.RecordPaymentAsync(assessment.Id, method, receipt, record.Actor, clock.GetUtcNow(), record, ct))
        {
            throw new HubException($"The payment of {number} is already recorded.");
        }

        return await access.ChangedAsync(assessment.ShopId, assessment.RecordId, ct);
    }
}
