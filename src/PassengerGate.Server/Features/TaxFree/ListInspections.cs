using System.Security.Claims;
using PassengerGate.Contracts.Departure;
using PassengerGate.Server.Auth;

namespace PassengerGate.Server.Features.TaxFree;

/// <summary>The red-lane inspection worklist of the caller's airport: records a red departure check left open and not yet decided.</summary>
public sealed class ListInspections(InspectionAccess access)
{
    public Task<IReadOnlyList<TaxFreeInspectionView>> HandleAsync(ClaimsPrincipal user, CancellationToken ct) => access.OpenAtAsync(user.Airport(), ct);
}
