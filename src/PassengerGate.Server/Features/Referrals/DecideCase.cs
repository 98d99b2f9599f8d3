using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Officer;
using PassengerGate.Data;
using PassengerGate.Data.Arrival;
using PassengerGate.Data.Cases;
using PassengerGate.Domain.Audit;
using PassengerGate.Domain.Sessions;
using PassengerGate.Server.Auth;
using PassengerGate.Server.Features.Audit;
using PassengerGate.Server.Features.Cases;
using PassengerGate.Server.Hubs;

namespace PassengerGate.Server.Features.Referrals;

/// <summary>
/// The officer who holds a referred case closes it with the outcome they chose (released, inspected, duty paid,
/// goods detained, quarantine, police). The outcome is a transition in the session's trail and closes the
/// referral; every console of the airport is told so the case leaves their lists; the decision is appended to
/// the audit trail. "Duty assessed and paid" needs the payment recorded first, "goods detained" the detained goods.
/// </summary>
public sealed class DecideCase(ArrivalSessionStore sessions, CaseAccess access, CaseStore cases, DetainedGoodsStore detainedGoods, AuditTrail audit, IHubContext<OfficerHub, IOfficerClient> officers, TimeProvider clock)
{
    public async Task<CaseDecision> HandleAsync(CaseDecisionRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        if (!Enum.IsDefined(request.Outcome))
        {
            throw new HubException("Choose an outcome.");
        }

        var officer = user.UserName();
        var held = await access.LoadHeldAsync(request.CaseNumber, user, ct);
        if (request.Outcome == CaseOutcome.DutyAssessedAndPaid && await cases.LoadPaymentAsync(request.CaseNumber, ct) is null)
        {
            throw new HubException($"Record the payment of case {request.CaseNumber} before closing it as paid.");
        }

        // A traveller whose goods are kept leaves with a receipt listing them: the goods are recorded before closing.
        if (request.Outcome == CaseOutcome.GoodsDetained && await detainedGoods.LoadAsync(request.CaseNumber, ct) is null)
        {
            throw new HubException($"Record the detained goods of case {request.CaseNumber} (for the receipt) before closing it as goods detained.");
        }

        var row = (await sessions.LoadAsync(held.SessionId, ct))!;
        var session = ArrivalSession.Restore(row.SessionId, row.KioskId, Enum.Parse<ArrivalState>(row.State), row.Sequence);
        if (session.State != ArrivalState.Referred)
        {
            throw new HubException($"Case {request.CaseNumber} is already closed.");
        }

        var outcome = Enum.Parse<OfficerOutcome>(request.Outcome.ToString());
        var now = clock.GetUtcNow();
        var note = (request.Note ?? "").Trim();
        session.Decide(outcome, note, $"officer:{officer}", now);
        try
        {
            await sessions.SaveAsync(new ArrivalSessionStore.SaveRequest(session, row.Sequence, null, null, null, null, now) { ReferralOutcome = (outcome.ToString(), note, officer) }, ct);
        }
        catch (ConcurrencyConflictException)
        {
            throw new HubException($"Case {request.CaseNumber} was changed meanwhile; reload it.");
        }

        var decision = new CaseDecision(request.CaseNumber, request.Outcome, note, officer, now);
        await audit.StaffActAsync(user, AuditActions.CaseDecided, $"case:{request.CaseNumber}", new { sessionId = held.SessionId, outcome = outcome.ToString() }, CancellationToken.None);
        await officers.Clients.Group(OfficerHub.AirportGroup(held.Airport)).CaseClosed(decision);
        return decision;
    }
}
