using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Officer;
using PassengerGate.Data.Cases;
using PassengerGate.Domain.Audit;
using PassengerGate.Server.Auth;
using PassengerGate.Server.Features.Audit;
using PassengerGate.Server.Hubs;

namespace PassengerGate.Server.Features.Cases;

/// <summary>
/// An officer takes a case from the queue, gives it back, or a supervisor takes it over. The claim is one
/// conditional UPDATE in the database, so of two officers claiming at once exactly one holds the case; every
/// console of the airport is told who holds it now. Each act is in the audit trail.
/// </summary>
public sealed class ClaimCase(CaseStore cases, CaseAccess access, AuditTrail audit, IHubContext<OfficerHub, IOfficerClient> officers, TimeProvider clock)
{
    public async Task<CaseClaim> ClaimAsync(long caseNumber, ClaimsPrincipal user, bool takeOver, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var row = await access.LoadAsync(caseNumber, user, ct);
        if (row.ClosedAt is not null)
        {
            throw new HubException($"Case {caseNumber} is already closed.");
        }

        if (takeOver && !CaseAccess.IsSupervisor(user))
        {
            throw new HubException("Only a supervisor takes over a case.");
        }

        var (taken, now) = await cases.ClaimAsync(caseNumber, user.UserName(), takeOver, clock.GetUtcNow(), ct);
        if (!taken)
        {
            throw new HubException(now?.ClaimedBy is { } holder ? $"Case {caseNumber} is held by {holder}." : $"Case {caseNumber} is already closed.");
        }

        var claim = ToClaim(caseNumber, now);
        if (row.ClaimedBy != user.UserName())
        {
            await audit.StaffActAsync(user, takeOver ? AuditActions.CaseTakenOver : AuditActions.CaseClaimed, $"case:{caseNumber}", new { from = row.ClaimedBy }, CancellationToken.None);
            await officers.Clients.Group(OfficerHub.AirportGroup(row.Airport)).CaseClaimChanged(claim);
        }

        return claim;
    }

    public async Task<CaseClaim> ReleaseAsync(long caseNumber, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var row = await access.LoadAsync(caseNumber, user, ct);
        if (!await cases.ReleaseClaimAsync(caseNumber, user.UserName(), CaseAccess.IsSupervisor(user), ct))
        {
            throw new HubException(row.ClaimedBy is null ? $"Nobody holds case {caseNumber}." : $"Case {caseNumber} is held by {row.ClaimedBy}.");
        }

        var claim = new CaseClaim(caseNumber, null, null);
        await audit.StaffActAsync(user, AuditActions.CaseClaimReleased, $"case:{caseNumber}", new { holder = row.ClaimedBy }, CancellationToken.None);
        await officers.Clients.Group(OfficerHub.AirportGroup(row.Airport)).CaseClaimChanged(claim);
        return claim;
    }

    private static CaseClaim ToClaim(long caseNumber, CaseStore.ClaimRow? row) =>
        new(caseNumber, row?.ClaimedBy, row?.ClaimedAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null);
}
