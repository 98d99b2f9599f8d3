using Microsoft.Playwright;

namespace PassengerGate.KioskShell.Tests.Support;

/// <summary>A Chromium whose camera shows one face photo (still, or as a synthetic live clip), closed with the test.</summary>
public sealed class KioskBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private KioskBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>
    /// A passenger in front of the camera: a synthetic bona fide clip of the photo (turns the head both ways and
    /// blinks), so the service's liveness challenge can be met whichever turn it picks.
    /// </summary>
    public static async Task<KioskBrowser> LaunchLiveAsync(string cameraPhoto)
    {
        var (playwright, browser) = await Chromium.LaunchWithCameraAsync(Faces.BonaFideVideo(cameraPhoto));
        return new KioskBrowser(playwright, browser);
    }

    /// <summary>The camera shows a still photo (or nothing when null): a presentation attack, or no face at all.</summary>
    public static async Task<KioskBrowser> LaunchAsync(string? cameraPhoto)
    {
        var (playwright, browser) = await Chromium.LaunchWithCameraAsync(cameraPhoto is null ? null : Faces.CameraVideo(cameraPhoto));
        return new KioskBrowser(playwright, browser);
    }

    public Task<KioskPage> OpenAsync(KioskUnderTest kiosk) =>
        KioskPage.OpenAsync(Browser, kiosk!.Url, () => string.Join(", ", kiosk.Health.Snapshot().Where(d => d.Value != "ok").Select(d => $"{d.Key}: {d.Value}")));

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
