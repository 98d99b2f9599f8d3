using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Departure;
using PassengerGate.Server.Auth;
using PassengerGate.Server.Features.PaymentMeans;
using PassengerGate.Server.Features.TaxFree;

namespace PassengerGate.Server.Hubs;

/// <summary>
/// The departure console (decision 0022): the queue of currency declarations and structuring flags, desk
/// declarations, counts and outcomes, and the red-lane tax-free inspection (decision 0021), pushed live to the
/// airport's consoles. Departure staff and supervisors only;
/// kiosks, officers and administrators are refused at connect. Each connection sees only its airport.
/// </summary>
[Authorize(Policy = StaffAuth.Policies.DepartureConsole)]
public sealed class DepartureHub(
    ListDepartureWorklist queue,
    SubmitDeskDeclaration desk,
    RecordCount count,
    DecideDeclaration decide,
    ReleaseCash release,
    ListInspections inspections,
    MarkInspectedItem mark,
    CloseInspection close,
    RecordTaxPayment payment) : Hub<IDepartureClient>, IDepartureHub
{
    public Task<DepartureWorklist> GetQueue() => queue.HandleAsync(Context.User!.Airport(), Context.ConnectionAborted);

    public Task<DeclarationReceipt> SubmitDeskDeclaration(DeskDeclarationRequest request) => desk.HandleAsync(request, Context.User!, Context.ConnectionAborted);

    public Task<DepartureDeclarationView> RecordCount(RecordCountRequest request) => count.HandleAsync(request, Context.User!, Context.ConnectionAborted);

    public Task<DepartureDeclarationView> Decide(DecideDeclarationRequest request) => decide.HandleAsync(request, Context.User!, Context.ConnectionAborted);

    public Task<DepartureDeclarationView> ReleaseCash(long id) => release.HandleAsync(id, Context.User!, Context.ConnectionAborted);

    public Task<IReadOnlyList<TaxFreeInspectionView>> GetInspections() => inspections.HandleAsync(Context.User!, Context.ConnectionAborted);

    public Task<TaxFreeInspectionView> MarkItem(MarkItemRequest request) => mark.HandleAsync(request, Context.User!, Context.ConnectionAborted);

    public Task<TaxFreeInspectionView> CloseInspection(CloseInspectionRequest request) => close.HandleAsync(request, Context.User!, Context.ConnectionAborted);

    public Task<TaxFreeInspectionView> RecordTaxPayment(RecordTaxPaymentRequest request) => payment.HandleAsync(request, Context.User!, Context.ConnectionAborted);

    public override async Task OnConnectedAsync() =>
        await Groups.AddToGroupAsync(Context.ConnectionId, AirportGroup(Context.User!.Airport()));

    public static string AirportGroup(string airport) => $"departure:{airport}";
}
