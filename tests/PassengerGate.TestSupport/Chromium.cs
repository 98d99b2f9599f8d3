using Microsoft.Playwright;

using Xunit;

namespace PassengerGate.TestSupport;

/// <summary>
/// Debian's Chromium driven by Playwright. Playwright's own browser download is not reachable
/// here, so the test script installs the `chromium` package and tests launch /usr/bin/chromium.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>
    /// Makes Chromium accept exactly the test's certificate, by its public key's SHA-256 (SPKI pin);
    /// every other certificate is still validated as usual.
    /// </summary>
    public static string Trust(TestCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var spki = System.Security.Cryptography.SHA256.HashData(certificate.Certificate.PublicKey.ExportSubjectPublicKeyInfo());
        return "--ignore-certificate-errors-spki-list=" + Convert.ToBase64String(spki);
    }

    /// <summary>Signs in on the real sign-in page; the page then goes to <paramref name="returnUrl"/>.</summary>
    public static async Task SignInAsync(IPage page, Uri baseAddress, string userName, string password, string returnUrl)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(new Uri(baseAddress, returnUrl).ToString());
        await page.WaitForURLAsync(u => u.Contains("/signin/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#submit")).ToBeEnabledAsync();
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#submit").ClickAsync();
    }

    /// <summary>A kiosk's browser: Chromium with a fake camera playing <paramref name="cameraY4m"/> (none when null).</summary>
    public static Task<(IPlaywright Playwright, IBrowser Browser)> LaunchWithCameraAsync(string? cameraY4m, params string[] extraArgs) =>
        LaunchAsync(
        [
            .. cameraY4m is null
                ? Array.Empty<string>()
                : ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-video-capture={cameraY4m}"],
            .. extraArgs,
        ]);

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
