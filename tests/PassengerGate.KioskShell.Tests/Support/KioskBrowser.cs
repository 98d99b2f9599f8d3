using Microsoft.Playwright;

namespace PassengerGate.KioskShell.Tests.Support;

/// <summary>A Chromium whose camera shows one face photo, closed with the test.</summary>
public sealed class KioskBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private KioskBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<KioskBrowser> LaunchAsync(string? cameraPhoto)
    {
        var (playwright, browser) = await Chromium.LaunchWithCameraAsync(cameraPhoto is null ? null : Faces.CameraVideo(cameraPhoto));
        return new KioskBrowser(playwright, browser);
    }

    public Task<KioskPage> OpenAsync(KioskUnderTest kiosk) => KioskPage.OpenAsync(Browser, kiosk!.Url);

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
