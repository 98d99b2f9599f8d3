using PassengerGate.Contracts.Officer;
using PassengerGate.Data.Arrival;

namespace PassengerGate.Server.Features.Referrals;

/// <summary>The open cases of the officer's airport that a console shows when it (re)connects, newest first.</summary>
public sealed class ListOpenReferrals(ArrivalSessionStore sessions)
{
    private const int Limit = 200;

    public async Task<IReadOnlyList<ReferralNotice>> HandleAsync(string airport, CancellationToken ct) =>
        (await sessions.LoadOpenReferralsAsync(airport, Limit, ct)).Select(ReferralNotifier.ToNotice).ToList();
}
