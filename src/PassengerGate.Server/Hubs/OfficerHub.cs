using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Officer;
using PassengerGate.Server.Features.Kiosks;
using PassengerGate.Server.Features.Referrals;

namespace PassengerGate.Server.Hubs;

/// <summary>
/// Officer consoles: pushed referrals and kiosk status, and the open cases on (re)connect so a
/// console that was away misses nothing.
/// </summary>
public sealed class OfficerHub(ListOpenReferrals referrals, RecordKioskPresence presence, DecideCase decideCase, CommandKiosk commandKiosk) : Hub<IOfficerClient>, IOfficerHub
{
    public Task<IReadOnlyList<ReferralNotice>> GetOpenReferrals() => referrals.HandleAsync(Context.ConnectionAborted);

    public Task<IReadOnlyList<KioskStatus>> GetKiosks() => presence.ListAsync(Context.ConnectionAborted);

    // Officer sign-in is not built yet (docs/decisions/0001): the console's connection stands for the officer.
    public Task<CaseDecision> DecideCase(CaseDecisionRequest request) => decideCase.HandleAsync(request, $"console:{Context.ConnectionId}", Context.ConnectionAborted);

    public Task SetKioskInService(string kioskId, bool inService, string? reason) => commandKiosk.SetInServiceAsync(kioskId, inService, reason, $"console:{Context.ConnectionId}");
}
