using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Officer;
using PassengerGate.Data;
using PassengerGate.Data.Arrival;
using PassengerGate.Data.Kiosks;
using PassengerGate.Domain.Audit;
using PassengerGate.Domain.Sessions;
using PassengerGate.Server.Auth;
using PassengerGate.Server.Features.Audit;
using PassengerGate.Server.Hubs;

namespace PassengerGate.Server.Features.Referrals;

/// <summary>
/// An officer closes a referred case with an outcome (released, inspected, duty paid, goods detained,
/// quarantine). The outcome is a transition in the audit trail and closes the referral; every
/// console of the airport is told so the case leaves their lists. The officer is the signed-in
/// account (its user name), and the decision is appended to the audit trail.
/// </summary>
public sealed class DecideCase(ArrivalSessionStore sessions, KioskStore kiosks, AuditTrail audit, IHubContext<OfficerHub, IOfficerClient> officers, TimeProvider clock)
{
    public async Task<CaseDecision> HandleAsync(CaseDecisionRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        var officer = user.UserName();
        if (!Enum.TryParse<OfficerOutcome>(request.Outcome, ignoreCase: false, out var outcome) || !Enum.IsDefined(outcome))
        {
            throw new HubException($"Unknown outcome '{request.Outcome}'. Use one of: {string.Join(", ", Enum.GetNames<OfficerOutcome>())}.");
        }

        var sessionId = await sessions.FindSessionOfCaseAsync(request.CaseNumber, ct) ?? throw new HubException($"No case {request.CaseNumber}.");
        var row = (await sessions.LoadAsync(sessionId, ct))!;
        var airport = await kiosks.FindAirportAsync(row.KioskId, ct);
        if (airport is null || airport != user.Airport())
        {
            // Another airport's case is answered exactly like a case that does not exist.
            throw new HubException($"No case {request.CaseNumber}.");
        }

        var session = ArrivalSession.Restore(row.SessionId, row.KioskId, Enum.Parse<ArrivalState>(row.State), row.Sequence);
        if (session.State != ArrivalState.Referred)
        {
            throw new HubException($"Case {request.CaseNumber} is already closed.");
        }

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

        var decision = new CaseDecision(request.CaseNumber, outcome.ToString(), note, officer, now);
        await audit.StaffActAsync(user, AuditActions.CaseDecided, $"case:{request.CaseNumber}", new { sessionId, outcome = outcome.ToString() }, CancellationToken.None);
        await officers.Clients.Group(OfficerHub.AirportGroup(airport)).CaseClosed(decision);
        return decision;
    }
}
