using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Data.Cases;
using PassengerGate.Domain.Staff;
using PassengerGate.Server.Auth;

namespace PassengerGate.Server.Features.Cases;

/// <summary>Loads a case for a staff member: another airport's case is answered exactly like one that does not exist.</summary>
public sealed class CaseAccess(CaseStore cases)
{
    public async Task<CaseStore.CaseRow> LoadAsync(long caseNumber, ClaimsPrincipal user, CancellationToken ct)
    {
        var row = await cases.LoadCaseAsync(caseNumber, ct);
        return row is null || row.Airport != user.Airport() ? throw new HubException($"No case {caseNumber}.") : row;
    }

    /// <summary>An open case the caller holds: acting on a case needs its claim, so two officers never act on one case.</summary>
    public async Task<CaseStore.CaseRow> LoadHeldAsync(long caseNumber, ClaimsPrincipal user, CancellationToken ct)
    {
        var row = await LoadAsync(caseNumber, user, ct);
        if (row.ClosedAt is not null)
        {
            throw new HubException($"Case {caseNumber} is already closed.");
        }

        if (row.ClaimedBy != user.UserName())
        {
            throw new HubException(row.ClaimedBy is null ? $"Claim case {caseNumber} first." : $"Case {caseNumber} is held by {row.ClaimedBy}.");
        }

        return row;
    }

    public static bool IsSupervisor(ClaimsPrincipal user) => user.IsInRole(StaffRole.Supervisor.Name());
}
