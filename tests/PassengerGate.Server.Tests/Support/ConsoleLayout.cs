using Microsoft.Playwright;

namespace PassengerGate.Server.Tests.Support;

/// <summary>
/// Whether a console page scrolls sideways: the document wider than the window, or a card's content (a table, a
/// form) wider than its card. Checked at the desk screens the consoles are made for (1440×900 and 1280×800).
/// </summary>
public static class ConsoleLayout
{
    public static readonly (int Width, int Height)[] DeskScreens = [(1280, 800), (1440, 900)];

    /// <summary>Null when nothing overflows; otherwise what overflows and by how much, for the test's message.</summary>
    public static Task<string?> HorizontalOverflowAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.EvaluateAsync<string?>("""
            () => {
              const d = document.documentElement;
              if (d.scrollWidth > d.clientWidth) return `page ${d.scrollWidth}px in a ${d.clientWidth}px window`;
              for (const card of document.querySelectorAll("section.card")) {
                if (card.scrollWidth > card.clientWidth + 1) return `${card.id || card.className} ${card.scrollWidth}px in ${card.clientWidth}px`;
                const box = card.getBoundingClientRect();
                for (const t of card.querySelectorAll("table")) {
                  const r = t.getBoundingClientRect();
                  if (r.right > box.right + 1) return `${t.id || "a table"} in ${card.id || card.className} ends at ${Math.round(r.right)}px, its card at ${Math.round(box.right)}px`;
                }
              }
              return null;
            }
            """);
    }

    /// <summary>Resizes the page to each desk screen in turn and collects what overflows; ends at the last size.</summary>
    public static async Task<IReadOnlyList<string>> OverflowsAtDeskScreensAsync(IPage page, string what)
    {
        ArgumentNullException.ThrowIfNull(page);
        var found = new List<string>();
        foreach (var (width, height) in DeskScreens)
        {
            await page.SetViewportSizeAsync(width, height);
            if (await HorizontalOverflowAsync(page) is { } overflow)
            {
                found.Add($"{what} at {width}×{height}: {overflow}");
            }
        }

        return found;
    }
}
