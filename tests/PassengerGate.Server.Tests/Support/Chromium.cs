using Microsoft.Playwright;

namespace PassengerGate.Server.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright. Playwright's own browser download is not reachable
/// here, so the test script installs the `chromium` package and tests launch /usr/bin/chromium.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(params string[] extraArgs)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: run the tests with deploy/test.sh, which installs Debian's chromium.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // As root Chromium needs --no-sandbox; the network flags stop it from calling out of a closed network.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", .. extraArgs,
            ],
        });
        return (playwright, browser);
    }
}
