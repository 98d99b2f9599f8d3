using Microsoft.Playwright;

namespace PassengerGate.Cli.Face;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright (Playwright's own browser download is not
/// reachable here). The flags keep it from calling out of a closed network.
/// </summary>
public sealed class FaceBrowser : IAsyncDisposable
{
    public const string DefaultExecutablePath = "/usr/bin/chromium";

    private FaceBrowser(IPlaywright playwright, IBrowser browser)
    {
        Playwright = playwright;
        Browser = browser;
    }

    public IPlaywright Playwright { get; }

    public IBrowser Browser { get; }

    /// <summary>Launches Chromium; <paramref name="executablePath"/> defaults to PASSENGERGATE_CHROMIUM or /usr/bin/chromium.</summary>
    public static async Task<FaceBrowser> LaunchAsync(string? executablePath = null, params string[] extraArgs)
    {
        executablePath ??= Environment.GetEnvironmentVariable("PASSENGERGATE_CHROMIUM") ?? DefaultExecutablePath;
        if (!File.Exists(executablePath))
        {
            throw new FileNotFoundException($"Chromium not found at {executablePath} (install Debian's chromium package or set PASSENGERGATE_CHROMIUM)", executablePath);
        }

        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executablePath,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", .. extraArgs,
                ],
            });
            return new FaceBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        Playwright.Dispose();
    }
}
