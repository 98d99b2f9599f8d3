using System.Security.Claims;
using PassengerGate.Data.Audit;
using PassengerGate.Domain.Audit;
using PassengerGate.Server.Auth;

namespace PassengerGate.Server.Features.Audit;

/// <summary>Appends staff acts and automatic decisions to the hash-chained audit trail.</summary>
public sealed class AuditTrail(AuditStore store, TimeProvider clock)
{
    public Task<long> StaffActAsync(ClaimsPrincipal user, string action, string subject, object? detail, CancellationToken ct) =>
        store.AppendAsync(new AuditRecord(clock.GetUtcNow(), user.UserName(), AuditActorKinds.Staff, action, subject, user.Airport(), detail), ct);

    public Task<long> AppendAsync(string actor, string actorKind, string action, string subject, string? airport, object? detail, CancellationToken ct) =>
        store.AppendAsync(new AuditRecord(clock.GetUtcNow(), actor, actorKind, action, subject, airport, detail), ct);

    /// <summary>A record for a change written together with the change (see StaffStore).</summary>
    public AuditRecord Record(ClaimsPrincipal user, string action, string subject, object? detail) =>
        new(clock.GetUtcNow(), user.UserName(), AuditActorKinds.Staff, action, subject, user.Airport(), detail);
}
