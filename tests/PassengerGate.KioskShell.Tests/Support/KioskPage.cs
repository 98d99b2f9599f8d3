using System.Text.Json;
using Microsoft.Playwright;

namespace PassengerGate.KioskShell.Tests.Support;

/// <summary>The kiosk's touch UI in Chromium, driven the way a passenger would: by the visible controls.</summary>
public sealed class KioskPage(IPage page, Func<string>? devices = null)
{
    /// <summary>Model loading and face comparison on the WASM backend of a shared 2-core machine take a while.</summary>
    public const float FaceTimeoutMs = 240_000;

    public IPage Page => page;

    /// <param name="devices">The kiosk's device health as text, added to a timeout's message (which device took it out of service).</param>
    public static async Task<KioskPage> OpenAsync(IBrowser browser, string url, Func<string>? devices = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1080, Height = 1920 } });
        await page.GotoAsync(url);
        var kiosk = new KioskPage(page, devices);
        await kiosk.WaitForScreenAsync("welcome");
        return kiosk;
    }

    public async Task WaitForScreenAsync(string screen, float timeoutMs = 30_000)
    {
        try
        {
            await page.WaitForSelectorAsync($"body[data-screen='{screen}'] main section", new PageWaitForSelectorOptions { Timeout = timeoutMs });
        }
        catch (TimeoutException ex)
        {
            var shown = await page.EvaluateAsync<string>("() => `${document.body.dataset.screen}: ${document.querySelector('main')?.innerText ?? ''}`");
            throw new TimeoutException($"Waited for the {screen} screen; the kiosk shows {shown}{(devices is null ? "" : $" (devices: {devices()})")}", ex);
        }
    }

    public Task ClickAsync(string action) => page.ClickAsync($"[data-action='{action}']");

    public Task ChooseLanguageAsync(string language) => page.ClickAsync($"button[data-language='{language}']");

    /// <summary>Fills the on-screen declaration with "no" to every question.</summary>
    public async Task FillDeclarationAsync()
    {
        await page.FillAsync("[data-field='flightOrVessel']", "NH9");
        await page.FillAsync("[data-field='embarkationPoint']", "LAX");
        await page.FillAsync("[data-field='addressInJapan']", "Narita, Chiba");
        foreach (var answer in await page.QuerySelectorAllAsync("input[type='radio'][value='no']"))
        {
            await answer.CheckAsync();
        }

        await ClickAsync("submit-declaration");
    }

    public async Task<string> LaneAsync()
    {
        await WaitForScreenAsync("result", FaceTimeoutMs);
        return await page.GetAttributeAsync("section.result", "data-lane") ?? "";
    }

    public async Task<IReadOnlyList<string>> ReasonCodesAsync() =>
        await page.EvalOnSelectorAllAsync<string[]>(".reasons li", "items => items.map(i => i.dataset.code)");

    /// <summary>Runs axe-core in the page; returns the serious and critical violations as "rule: target" lines.</summary>
    public async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync()
    {
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js") });
        }

        var json = await page.EvaluateAsync<string>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .flatMap(v => v.nodes.map(n => `${v.id}: ${n.target.join(' ')} — ${v.help}`)));
            }
            """);
        return JsonSerializer.Deserialize<string[]>(json) ?? [];
    }
}
