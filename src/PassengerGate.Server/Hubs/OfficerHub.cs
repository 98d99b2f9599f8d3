using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Officer;
using PassengerGate.Server.Features.Kiosks;
using PassengerGate.Server.Features.Referrals;

namespace PassengerGate.Server.Hubs;

/// <summary>
/// Officer consoles: pushed referrals and kiosk status, and the open cases on (re)connect so a
/// console that was away misses nothing.
/// </summary>
public sealed class OfficerHub(ListOpenReferrals referrals, RecordKioskPresence presence) : Hub<IOfficerClient>, IOfficerHub
{
    public Task<IReadOnlyList<ReferralNotice>> GetOpenReferrals() => referrals.HandleAsync(Context.ConnectionAborted);

    public Task<IReadOnlyList<KioskStatus>> GetKiosks() => presence.ListAsync(Context.ConnectionAborted);
}
