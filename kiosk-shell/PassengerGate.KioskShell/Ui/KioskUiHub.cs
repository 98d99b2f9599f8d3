using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.KioskShell.Sessions;

namespace PassengerGate.KioskShell.Ui;

/// <summary>
/// The local hub between the kiosk host and its touch UI (loopback only). The UI sends intents; the
/// host alone talks to the service and pushes the whole screen state back. Intents that do not fit the
/// current screen are ignored, so a double tap cannot skip a step.
/// </summary>
public sealed class KioskUiHub(KioskConversation conversation, UiPresence presence) : Hub<IKioskUiClient>
{
    public const string Path = "/ui/hub";

    public UiState Attach() => conversation.Current;

    public void Touch() => conversation.Touch();

    public void SetLanguage(string language) => conversation.SetLanguage(language);

    public void SetAccessibility(AccessibilityModes modes) => conversation.SetAccessibility(modes);

    public void StartArrival(bool family) => conversation.StartArrival(family);

    public void SubmitFace(FaceResult result, string? portraitUrl) => conversation.FaceMeasured(result, portraitUrl);

    public void SubmitDeclaration(string declarationJson) => conversation.DeclarationFilled(declarationJson);

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
