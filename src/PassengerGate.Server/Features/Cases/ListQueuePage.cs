using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Officer;
using PassengerGate.Data.Arrival;
using PassengerGate.Data.Cases;
using PassengerGate.Server.Auth;
using PassengerGate.Server.Features.Referrals;

namespace PassengerGate.Server.Features.Cases;

/// <summary>One page of the open queue of the officer's airport, oldest first, filtered by reason, flight and wait.</summary>
public sealed class ListQueuePage(CaseStore cases, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public async Task<QueuePage> HandleAsync(QueuePageRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        if (request.Page < 1 || request.PageSize is < 1 or > MaxPageSize || request.MinWaitMinutes is < 0)
        {
            throw new HubException($"Page must be ≥ 1, page size 1–{MaxPageSize}, minimum wait ≥ 0.");
        }

        DateTimeOffset? waitedSince = request.MinWaitMinutes is { } minutes ? clock.GetUtcNow().AddMinutes(-minutes) : null;
        var (total, rows) = await cases.LoadQueueAsync(
            user.Airport(), Blank(request.ReasonCode), Blank(request.Flight), waitedSince, (request.Page - 1) * request.PageSize, request.PageSize, ct);
        var entries = rows.Select(r => new QueueEntry(
            ReferralNotifier.ToNotice(new ArrivalSessionStore.ReferralRow(r.CaseNumber, r.SessionId, r.KioskId, r.RaisedAt, r.DocumentNumber, r.HolderName, r.Reasons)),
            r.Flight,
            r.ClaimedBy,
            r.ClaimedAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null)).ToList();
        return new QueuePage(request.Page, request.PageSize, total, entries);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
