using Microsoft.Playwright;
using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.Accessibility;

/// <summary>Large text, high contrast and the lowered-reach layout change the page; every control is reachable by keyboard.</summary>
public sealed class ModeTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Accessibility_modes_enlarge_text_raise_contrast_and_lower_the_controls()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-MODES");
        await using var browser = await KioskBrowser.LaunchAsync(null);
        var page = await browser.OpenAsync(kiosk);
        var p = page.Page;

        var normalFont = await FontSizeAsync(p, "[data-action='start']");
        var normalTop = (await p.Locator("[data-action='start']").BoundingBoxAsync())!.Y;

        await p.ClickAsync("button[data-mode='largeText']");
        await p.WaitForSelectorAsync("body.large-text");
        Assert.True(await FontSizeAsync(p, "[data-action='start']") >= normalFont * 1.4, "large text makes the controls' text at least 1.4× larger");
        Assert.Equal("true", await p.GetAttributeAsync("button[data-mode='largeText']", "aria-pressed"));

        await p.ClickAsync("button[data-mode='highContrast']");
        await p.WaitForSelectorAsync("body.high-contrast");
        Assert.Equal("rgb(0, 0, 0)", await p.EvalOnSelectorAsync<string>("body", "b => getComputedStyle(b).backgroundColor"));

        await p.ClickAsync("button[data-mode='largeText']");
        await p.ClickAsync("button[data-mode='lowReach']");
        await p.WaitForSelectorAsync("body.low-reach");
        var viewport = p.ViewportSize!.Height;
        var loweredTop = (await p.Locator("[data-action='start']").BoundingBoxAsync())!.Y;
        Assert.True(loweredTop > normalTop && loweredTop > viewport / 2, $"the start button moves to the lower half ({normalTop} → {loweredTop} of {viewport})");
    }

    [Fact]
    public async Task Every_control_on_the_welcome_screen_is_reachable_with_the_keyboard()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-KEYS");
        await using var browser = await KioskBrowser.LaunchAsync(null);
        var page = await browser.OpenAsync(kiosk);
        var p = page.Page;

        var controls = await p.EvalOnSelectorAllAsync<string[]>("button", "bs => bs.map(b => b.dataset.action ?? b.dataset.language ?? b.dataset.mode)");
        var reached = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < controls.Length + 2; i++)
        {
            await p.Keyboard.PressAsync("Tab");
            var focused = await p.EvaluateAsync<string?>("() => { const e = document.activeElement; return e?.dataset.action ?? e?.dataset.language ?? e?.dataset.mode ?? null; }");
            if (focused is not null)
            {
                reached.Add(focused);
            }
        }

        Assert.Equal(controls.Order(StringComparer.Ordinal), reached.Order(StringComparer.Ordinal));
        await p.FocusAsync("[data-action='start']");
        await p.Keyboard.PressAsync("Enter");
        await page.WaitForScreenAsync("placePassport");
    }

    private static Task<double> FontSizeAsync(IPage page, string selector) =>
        page.EvalOnSelectorAsync<double>(selector, "e => parseFloat(getComputedStyle(e).fontSize)");
}
