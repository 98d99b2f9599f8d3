using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Officer;
using PassengerGate.Server.Auth;
using PassengerGate.Server.Features.Cases;
using PassengerGate.Server.Features.Kiosks;
using PassengerGate.Server.Features.Referrals;

namespace PassengerGate.Server.Hubs;

/// <summary>
/// Officer consoles and the supervisor dashboard: pushed referrals, claims, closures and kiosk status, and the
/// paged queue on (re)connect so a console that was away misses nothing. Only signed-in officers and supervisors
/// connect; each connection joins its airport's group and sees only that airport's kiosks and cases.
/// </summary>
[Authorize(Policy = StaffAuth.Policies.OfficerConsole)]
public sealed class OfficerHub(
    ListOpenReferrals referrals,
    ListQueuePage queue,
    RecordKioskPresence presence,
    ClaimCase claims,
    ShowCase showCase,
    AssessLine assessLine,
    RecordPayment recordPayment,
    DecideCase decideCase,
    ShowDashboard dashboard,
    CommandKiosk commandKiosk) : Hub<IOfficerClient>, IOfficerHub
{
    public Task<IReadOnlyList<ReferralNotice>> GetOpenReferrals() => referrals.HandleAsync(Context.User!.Airport(), Context.ConnectionAborted);

    public Task<QueuePage> GetQueue(QueuePageRequest request) => queue.HandleAsync(request, Context.User!, Context.ConnectionAborted);

    public Task<IReadOnlyList<KioskStatus>> GetKiosks() => presence.ListAsync(Context.User!.Airport(), Context.ConnectionAborted);

    public Task<CaseClaim> ClaimCase(long caseNumber) => claims.ClaimAsync(caseNumber, Context.User!, takeOver: false, Context.ConnectionAborted);

    public Task<CaseClaim> ReleaseClaim(long caseNumber) => claims.ReleaseAsync(caseNumber, Context.User!, Context.ConnectionAborted);

    [Authorize(Policy = StaffAuth.Policies.KioskCommand)]
    public Task<CaseClaim> TakeOverCase(long caseNumber) => claims.ClaimAsync(caseNumber, Context.User!, takeOver: true, Context.ConnectionAborted);

    public Task<CaseView> GetCase(long caseNumber) => showCase.HandleAsync(caseNumber, Context.User!, Context.ConnectionAborted);

    public Task<CaseView> AssessLine(AssessLineRequest request) => assessLine.HandleAsync(request, Context.User!, Context.ConnectionAborted);

    public Task<CaseView> RecordPayment(RecordPaymentRequest request) => recordPayment.HandleAsync(request, Context.User!, Context.ConnectionAborted);

    public Task<CaseDecision> DecideCase(CaseDecisionRequest request) => decideCase.HandleAsync(request, Context.User!, Context.ConnectionAborted);

    // The dashboard and kiosk commands are a supervisor's (KioskCommand is the supervisor-only policy).
    [Authorize(Policy = StaffAuth.Policies.KioskCommand)]
    public Task<DashboardSnapshot> GetDashboard() => dashboard.HandleAsync(Context.User!, Context.ConnectionAborted);

    // Taking a kiosk out of service stops passengers at a lane: a supervisor's act.
    [Authorize(Policy = StaffAuth.Policies.KioskCommand)]
    public Task SetKioskInService(string kioskId, bool inService, string? reason) => commandKiosk.SetInServiceAsync(kioskId, inService, reason, Context.User!, Context.ConnectionAborted);

    public override async Task OnConnectedAsync() =>
        await Groups.AddToGroupAsync(Context.ConnectionId, AirportGroup(Context.User!.Airport()));

    public static string AirportGroup(string airport) => $"airport:{airport}";
}
