using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Officer;
using PassengerGate.Data.Cases;
using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Audit;
using PassengerGate.Server.Auth;
using PassengerGate.Server.Features.Audit;

namespace PassengerGate.Server.Features.Cases;

/// <summary>
/// The officer who holds a case assesses a line the simplified rates could not take (duty.officerAssessment) at
/// the general rate: they enter the customs value and the rate, the service computes the duty. Only lines
/// referred to an officer can be assessed; re-assessing replaces the earlier figures until a payment is recorded.
/// </summary>
public sealed class AssessLine(CaseAccess access, CaseStore cases, CaseAssessment assessments, ShowCase show, AuditTrail audit, TimeProvider clock)
{
    public async Task<CaseView> HandleAsync(AssessLineRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        var row = await access.LoadHeldAsync(request.CaseNumber, user, ct);
        if (request.CustomsValueYen < 0 || request.CustomsValueYen != decimal.Floor(request.CustomsValueYen) || request.RatePercent is < 0 or > 100)
        {
            throw new HubException("The customs value is whole yen (≥ 0) and the rate a percentage from 0 to 100.");
        }

        if (await cases.LoadPaymentAsync(request.CaseNumber, ct) is not null)
        {
            throw new HubException($"Case {request.CaseNumber} is paid: its assessment can no longer change.");
        }

        var assessed = await assessments.LoadAsync(request.CaseNumber, row.Facts, ct) ?? throw new HubException($"Case {request.CaseNumber} has no declaration.");
        if (!assessed.Assessment.Lines.Any(l => l.Path == request.Path && l.Outcome == LineOutcome.ReferredToOfficer))
        {
            throw new HubException($"Line {request.Path} is not referred to an officer: its duty is the simplified assessment.");
        }

        var duty = GeneralRateAssessment.Duty(request.CustomsValueYen, request.RatePercent);
        await cases.SaveLineAssessmentAsync(request.CaseNumber, new CaseStore.LineAssessmentRow(request.Path, request.CustomsValueYen, request.RatePercent, duty, user.UserName(), clock.GetUtcNow().UtcDateTime), ct);
        await audit.StaffActAsync(user, AuditActions.CaseLineAssessed, $"case:{request.CaseNumber}", new { path = request.Path, request.CustomsValueYen, request.RatePercent, dutyYen = duty }, CancellationToken.None);
        return await show.ViewAsync(row, ct);
    }
}
