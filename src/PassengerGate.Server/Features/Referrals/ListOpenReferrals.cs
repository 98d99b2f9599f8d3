using PassengerGate.Contracts.Officer;
using PassengerGate.Data.Arrival;

namespace PassengerGate.Server.Features.Referrals;

/// <summary>The open cases an officer console shows when it (re)connects, newest first.</summary>
public sealed class ListOpenReferrals(ArrivalSessionStore sessions)
{
    private const int Limit = 200;

    public async Task<IReadOnlyList<ReferralNotice>> HandleAsync(CancellationToken ct) =>
        (await sessions.LoadOpenReferralsAsync(Limit, ct)).Select(ReferralNotifier.ToNotice).ToList();
}
