namespace PassengerGate.Contracts.Kiosk;

/// <summary>
/// The kiosk's side of <see cref="IKioskHub"/>: each method invokes the hub method of the same name through
/// <see cref="Invoker"/> (a SignalR connection's InvokeCoreAsync, with whatever deadline and retry its owner applies).
/// It compiles against the interface the server's hub implements, so renaming a hub method or changing a request type
/// breaks the build on both sides instead of failing a passenger at run time (decision 0019).
/// </summary>
public sealed class KioskHubClient(KioskHubClient.Invoker invoke) : IKioskHub
{
    /// <summary>Invokes <paramref name="method"/> with <paramref name="args"/> and returns its answer as <paramref name="returnType"/>.</summary>
    public delegate Task<object?> Invoker(string method, Type returnType, object?[] args);

    public Task<SessionUpdate> OpenArrivalSession(OpenArrivalSession request) =>
        CallAsync<SessionUpdate>(nameof(IKioskHub.OpenArrivalSession), request);

    public async Task<ChipAuthenticationKeyAgreement?> RequestChipAuthentication(RequestChipAuthentication request) =>
        (ChipAuthenticationKeyAgreement?)await invoke(nameof(IKioskHub.RequestChipAuthentication), typeof(ChipAuthenticationKeyAgreement), [request]);

    public Task<SessionUpdate> SubmitDocument(SubmitDocument request) =>
        CallAsync<SessionUpdate>(nameof(IKioskHub.SubmitDocument), request);

    public Task<SessionUpdate> SubmitFaceResult(SubmitFaceResult request) =>
        CallAsync<SessionUpdate>(nameof(IKioskHub.SubmitFaceResult), request);

    public Task<SessionUpdate> SubmitDeclaration(SubmitDeclaration request) =>
        CallAsync<SessionUpdate>(nameof(IKioskHub.SubmitDeclaration), request);

    public Task<PreDeclarationFound> FindPreDeclaration(FindPreDeclaration request) =>
        CallAsync<PreDeclarationFound>(nameof(IKioskHub.FindPreDeclaration), request);

    public Task<SessionUpdate> SubmitEditedPreDeclaration(SubmitEditedPreDeclaration request) =>
        CallAsync<SessionUpdate>(nameof(IKioskHub.SubmitEditedPreDeclaration), request);

    public Task<CurrencyDeclarationAnswer> SubmitCurrencyDeclaration(SubmitCurrencyDeclaration request) =>
        CallAsync<CurrencyDeclarationAnswer>(nameof(IKioskHub.SubmitCurrencyDeclaration), request);

    public Task<TaxFreeExportAnswer> CheckTaxFreeExport(CheckTaxFreeExport request) =>
        CallAsync<TaxFreeExportAnswer>(nameof(IKioskHub.CheckTaxFreeExport), request);

    public Task<CurrencyDraftAssessment> AssessCurrencyDraft(AssessCurrencyDraft request) =>
        CallAsync<CurrencyDraftAssessment>(nameof(IKioskHub.AssessCurrencyDraft), request);

    public Task<DraftAssessment> AssessDeclarationDraft(AssessDeclarationDraft request) =>
        CallAsync<DraftAssessment>(nameof(IKioskHub.AssessDeclarationDraft), request);

    public async Task<DeclarationCurrencies> GetDeclarationCurrencies() =>
        (DeclarationCurrencies?)await invoke(nameof(IKioskHub.GetDeclarationCurrencies), typeof(DeclarationCurrencies), [])
        ?? throw new InvalidOperationException("The service answered GetDeclarationCurrencies with nothing.");

    public Task<SessionUpdate> AbandonSession(AbandonSession request) =>
        CallAsync<SessionUpdate>(nameof(IKioskHub.AbandonSession), request);

    public async Task<KioskSettings> GetSettings() =>
        (KioskSettings?)await invoke(nameof(IKioskHub.GetSettings), typeof(KioskSettings), [])
        ?? throw new InvalidOperationException("The service answered GetSettings with nothing.");

    public Task Heartbeat(KioskHeartbeat heartbeat) =>
        invoke(nameof(IKioskHub.Heartbeat), typeof(object), [heartbeat]);

    private async Task<T> CallAsync<T>(string method, object request)
        where T : class =>
        (T?)await invoke(method, typeof(T), [request]) ?? throw new InvalidOperationException($"The service answered {method} with nothing.");
}
