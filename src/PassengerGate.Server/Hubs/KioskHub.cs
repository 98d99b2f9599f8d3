using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Server.Auth;
using PassengerGate.Server.Features.Arrival;
using PassengerGate.Server.Features.Kiosks;
using PassengerGate.Server.Features.Observability;
using PassengerGate.Server.Features.PaymentMeans;
using PassengerGate.Server.Features.TaxFree;

namespace PassengerGate.Server.Hubs;

/// <summary>Thin transport for kiosks: each method hands over to its use case.</summary>
public sealed class KioskHub(
    OpenArrivalSessionHandler openSession,
    RequestChipAuthenticationHandler requestChipAuthentication,
    SubmitDocumentHandler submitDocument,
    SubmitFaceResultHandler submitFace,
    SubmitDeclarationHandler submitDeclaration,
    SubmitEditedPreDeclarationHandler submitEditedPreDeclaration,
    FindPreDeclarationHandler findPreDeclaration,
    AssessDeclarationDraftHandler assessDraft,
    ListDeclarationCurrencies currencies,
    SubmitKioskCurrencyDeclaration submitCurrencyDeclaration,
    AssessKioskCurrencyDraft assessCurrencyDraft,
    CheckTaxFreeAtKiosk checkTaxFree,
    AbandonSessionHandler abandonSession,
    RecordKioskPresence presence,
    ServiceMetrics metrics,
    IOptions<FaceOptions> face) : Hub<IKioskClient>, IKioskHub
{
    private static readonly string[] Languages = ["ja", "en", "zh-Hans", "zh-Hant", "ko"];

    private string KioskId => Context.User?.FindFirst(KioskCredentialHandler.KioskIdClaim)?.Value
        ?? throw new HubException("not a kiosk");

    public Task<SessionUpdate> OpenArrivalSession(OpenArrivalSession request) =>
        openSession.HandleAsync(KioskId, request, Context.ConnectionAborted);

    public Task<ChipAuthenticationKeyAgreement?> RequestChipAuthentication(RequestChipAuthentication request) =>
        requestChipAuthentication.HandleAsync(KioskId, request, Context.ConnectionAborted);

    public Task<SessionUpdate> SubmitDocument(SubmitDocument request) =>
        submitDocument.HandleAsync(KioskId, request, Context.ConnectionAborted);

    public Task<SessionUpdate> SubmitFaceResult(SubmitFaceResult request) =>
        submitFace.HandleAsync(KioskId, request, Context.ConnectionAborted);

    public Task<SessionUpdate> SubmitDeclaration(SubmitDeclaration request) =>
        submitDeclaration.HandleAsync(KioskId, request, Context.ConnectionAborted);

    public Task<PreDeclarationFound> FindPreDeclaration(FindPreDeclaration request) =>
        findPreDeclaration.HandleAsync(KioskId, request, Context.ConnectionAborted);

    public Task<SessionUpdate> SubmitEditedPreDeclaration(SubmitEditedPreDeclaration request) =>
        submitEditedPreDeclaration.HandleAsync(KioskId, request, Context.ConnectionAborted);

    public Task<CurrencyDeclarationAnswer> SubmitCurrencyDeclaration(SubmitCurrencyDeclaration request) =>
        submitCurrencyDeclaration.HandleAsync(KioskId, request, Context.ConnectionAborted);

    public Task<TaxFreeExportAnswer> CheckTaxFreeExport(CheckTaxFreeExport request) =>
        checkTaxFree.HandleAsync(KioskId, request, Context.ConnectionAborted);

    public Task<CurrencyDraftAssessment> AssessCurrencyDraft(AssessCurrencyDraft request) =>
        assessCurrencyDraft.HandleAsync(KioskId, request, Context.ConnectionAborted);

    /// <summary>Kiosks only (the hub's policy); the caller's kiosk id is still required, so no other principal gets an answer.</summary>
    public Task<DraftAssessment> AssessDeclarationDraft(AssessDeclarationDraft request)
    {
        _ = KioskId;
        return assessDraft.HandleAsync(request, Context.ConnectionAborted);
    }

    public Task<DeclarationCurrencies> GetDeclarationCurrencies()
    {
        _ = KioskId;
        return currencies.HandleAsync(Context.ConnectionAborted);
    }

    public Task<SessionUpdate> AbandonSession(AbandonSession request) =>
        abandonSession.HandleAsync(KioskId, request, Context.ConnectionAborted);

    public Task<KioskSettings> GetSettings() =>
        Task.FromResult(new KioskSettings(face.Value.Threshold, Languages, TimeSpan.FromSeconds(90)));

    public Task Heartbeat(KioskHeartbeat heartbeat) =>
        presence.HeartbeatAsync(KioskId, heartbeat, Context.ConnectionAborted);

    public override async Task OnConnectedAsync()
    {
        metrics.KioskConnected();
        await Groups.AddToGroupAsync(Context.ConnectionId, KioskGroup(KioskId));
        await presence.ConnectedAsync(KioskId, Context.ConnectionAborted);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        metrics.KioskDisconnected();
        await presence.DisconnectedAsync(KioskId, CancellationToken.None);
    }

    public static string KioskGroup(string kioskId) => $"kiosk:{kioskId}";
}
