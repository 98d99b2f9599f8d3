using Microsoft.Playwright;

namespace PassengerGate.TestSupport;

/// <summary>The departure console's red-lane inspection as staff use it in Chromium (decision 0021, "Red-lane inspection").</summary>
public static class InspectionConsole
{
    /// <summary>
    /// Waits for <paramref name="recordId"/> on the signed-in console <paramref name="console"/> (it arrives live), marks its
    /// items in order as <paramref name="marks"/> says (true: present), closes it, and returns the record once the service
    /// answered with its result.
    /// </summary>
    public static async Task<ILocator> InspectAsync(IPage console, string recordId, string firstItemDetails, params bool[] marks)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(marks);
        var record = console.Locator($"#inspections article[data-record='{recordId}']");
        await Assertions.Expect(record.Locator("tr[data-item='0'] .details")).ToHaveTextAsync(firstItemDetails, new() { Timeout = 20_000 });
        for (var item = 0; item < marks.Length; item++)
        {
            var row = record.Locator($"tr[data-item='{item}']");
            await row.Locator($"button[data-mark='{(marks[item] ? "present" : "missing")}']").ClickAsync();
            await Assertions.Expect(row.Locator(".mark")).ToHaveTextAsync(marks[item] ? "Present" : "Missing", new() { Timeout = 15_000 });
        }

        await record.Locator("button.close").ClickAsync();
        await Assertions.Expect(record).ToHaveAttributeAsync("data-result", new System.Text.RegularExpressions.Regex("."), new() { Timeout = 15_000 });
        return record;
    }
}
