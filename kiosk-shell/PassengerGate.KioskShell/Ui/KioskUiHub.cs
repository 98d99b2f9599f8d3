using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.KioskShell.Flows;
using PassengerGate.KioskShell.Sessions;

namespace PassengerGate.KioskShell.Ui;

/// <summary>
/// The local hub between the kiosk host and its touch UI (loopback only). The UI sends intents; the
/// host alone talks to the service and pushes the whole screen state back. Intents that do not fit the
/// current screen are ignored, so a double tap cannot skip a step.
/// </summary>
public sealed class KioskUiHub(KioskConversation conversation, UiPresence presence, DeclarationAssistant assistant) : Hub<IKioskUiClient>
{
    public const string Path = "/ui/hub";

    public UiState Attach() => conversation.Current;

    public void Touch() => conversation.Touch();

    public void SetLanguage(string language) => conversation.SetLanguage(language);

    public void SetAccessibility(AccessibilityModes modes) => conversation.SetAccessibility(modes);

    /// <summary>The first screen's start button when arrival is the only flow offered.</summary>
    public void StartArrival(bool family) => conversation.StartFlow(KioskFlowId.Arrival, family);

    /// <summary>The first screen's flow chooser (decision 0019).</summary>
    public void StartFlow(KioskFlowId flow, bool family) => conversation.StartFlow(flow, family);

    public void SubmitFace(FaceResult result, string? portraitUrl) => conversation.FaceMeasured(result, portraitUrl);

    /// <summary>The page could not load or draw the chip portrait at this URL (not a camera fault).</summary>
    public void PortraitLost(string? portraitUrl) => conversation.PortraitLost(portraitUrl);

    public void SubmitDeclaration(string declarationJson) => conversation.DeclarationFilled(declarationJson);

    /// <summary>Currencies for the goods lines' picker: yen and those with a customs rate this week.</summary>
    public Task<IReadOnlyList<string>> DeclarationCurrencies() => assistant.CurrenciesAsync(Context.ConnectionAborted);

    /// <summary>The running assessment of the form as it stands, by the service's assessor; null when unavailable.</summary>
    public Task<DraftAssessment?> AssessDeclaration(string declarationJson)
    {
        conversation.Touch();
        return assistant.AssessAsync(declarationJson, Context.ConnectionAborted);
    }

    /// <summary>The currency form, filled (decision 0022, "Kiosk screens"); the host sends it to the service.</summary>
    public void SubmitCurrency(string declarationJson) => conversation.CurrencyFilled(declarationJson);

    /// <summary>The review of the currency form as it stands, by the service's rule pack; null when unavailable or off the form.</summary>
    public async Task<CurrencyDraftAssessment?> AssessCurrency(string declarationJson)
    {
        conversation.Touch();
        return conversation.CurrencySession is { } session ? await assistant.AssessCurrencyAsync(session, declarationJson, Context.ConnectionAborted) : null;
    }

    public void NextMember() => conversation.NextMember();

    public void Finish() => conversation.Finish();

    public void Cancel() => conversation.Cancel("passenger-cancelled");

    /// <summary>A device the page drives (the camera) failed: the kiosk goes out of service and tells the service.</summary>
    public void ReportDeviceFault(string device, string message) => conversation.DeviceFault(device, message);

    public override Task OnConnectedAsync()
    {
        presence.Connected();
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        presence.Disconnected();
        return base.OnDisconnectedAsync(exception);
    }
}
