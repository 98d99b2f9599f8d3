using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Officer;
using PassengerGate.Data.Cases;
using PassengerGate.Domain.Audit;
using PassengerGate.Server.Auth;
using PassengerGate.Server.Features.Audit;

namespace PassengerGate.Server.Features.Cases;

/// <summary>
/// The officer who holds a case records the duty paid at the counter: the amount and how. Every line referred to
/// an officer must be assessed first, and the amount must be the duty due, so the duty notice never shows a
/// payment that does not match the assessment. A payment is recorded once.
/// </summary>
public sealed class RecordPayment(CaseAccess access, CaseStore cases, CaseAssessment assessments, ShowCase show, AuditTrail audit, TimeProvider clock)
{
    public async Task<CaseView> HandleAsync(RecordPaymentRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        if (!Enum.IsDefined(request.Method))
        {
            throw new HubException("Unknown payment method.");
        }

        var row = await access.LoadHeldAsync(request.CaseNumber, user, ct);
        var assessed = await assessments.LoadAsync(request.CaseNumber, row.Facts, ct) ?? throw new HubException($"Case {request.CaseNumber} has no declaration: there is no duty to pay.");
        if (assessed.Pending.Count > 0)
        {
            throw new HubException($"Assess every line referred to an officer first ({string.Join(", ", assessed.Pending)}).");
        }

        var due = assessed.Assessment.TotalDuty.Amount;
        if (due <= 0)
        {
            throw new HubException($"No duty is due on case {request.CaseNumber}.");
        }

        if (request.AmountYen != due)
        {
            throw new HubException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The duty due is ¥{due:N0}; the amount paid must be that amount."));
        }

        var method = JsonNamingPolicyCamel(request.Method);
        if (!await cases.SavePaymentAsync(request.CaseNumber, new CaseStore.PaymentRow(request.AmountYen, method, clock.GetUtcNow().UtcDateTime, user.UserName()), ct))
        {
            throw new HubException($"A payment is already recorded for case {request.CaseNumber}.");
        }

        await audit.StaffActAsync(user, AuditActions.CasePaymentRecorded, $"case:{request.CaseNumber}", new { amountYen = request.AmountYen, method }, CancellationToken.None);
        return await show.ViewAsync(row, ct);
    }

    private static string JsonNamingPolicyCamel(PaymentMethod method) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(method.ToString());
}
