using System.Text.Json;
using Microsoft.Playwright;

namespace PassengerGate.Server.Tests.Support;

/// <summary>What the console page tests share: axe-core (npm) run in the page, and screenshots kept in docs/screens/.</summary>
public static class ConsolePages
{
    /// <summary>axe-core's WCAG 2.1 A/AA violations of impact "serious" or "critical" on the page as it is now.</summary>
    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IPage page, string screen)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js") });
        }

        var json = await page.EvaluateAsync<string>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return JSON.stringify(result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .flatMap(v => v.nodes.map(n => `${v.id}: ${n.target.join(' ')} — ${v.help}`)));
            }
            """);
        return (JsonSerializer.Deserialize<string[]>(json) ?? []).Select(v => $"[{screen}] {v}").ToList();
    }

    /// <summary>Saves a full-page screenshot as docs/screens/{name}.png in the repository (committed: the issue asks for them).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var folder = Path.Combine(RepositoryRoot(), "docs", "screens");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PassengerGate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PassengerGate.sln not found above " + AppContext.BaseDirectory);
    }
}
