using Microsoft.Playwright;

namespace PassengerGate.KioskShell.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (Playwright's own browser download is not reachable here;
/// deploy/test.sh installs the `chromium` package). A kiosk browser gets a fake camera playing a file.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(string? cameraY4m = null)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: run the tests with deploy/test.sh, which installs Debian's chromium.");
        }

        string[] camera = cameraY4m is null
            ? []
            : ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-video-capture={cameraY4m}"];
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // As root Chromium needs --no-sandbox; the network flags stop it from calling out of a closed network.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", .. camera,
            ],
        });
        return (playwright, browser);
    }
}
