using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.Arrival;

/// <summary>A QR code the service refuses is shown as a problem, without losing what the passenger typed; the passenger may still fill the form.</summary>
public sealed class PreDeclarationQrTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [FacesFact]
    public async Task Refused_QR_code_shows_the_service_problem_and_the_form_still_takes_the_declaration()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-QR");
        await using var browser = await KioskBrowser.LaunchAsync("obama_2.jpg");
        var page = await browser.OpenAsync(kiosk);

        await page.ClickAsync("start");
        await page.WaitForScreenAsync("placePassport");
        kiosk.PlacePassport(Traveller.Adult("TQ0000011"), "obama_1.jpg");
        await page.WaitForScreenAsync("declaration", KioskPage.FaceTimeoutMs);

        // Typed first: the refused code must not cost the traveller what they had already written.
        await page.Page.FillAsync("[data-field='addressInJapan']", "Hotel Narita 1203");
        await page.Page.CheckAsync("input[data-answer='prohibitedOrRestricted-no']");
        kiosk.Qr.Present("not a signed pre-declaration");
        await page.Page.WaitForSelectorAsync(".problem[role='alert']");
        Assert.False(string.IsNullOrWhiteSpace(await page.Page.GetAttributeAsync(".problem", "data-code")));
        Assert.Equal("Hotel Narita 1203", await page.Page.InputValueAsync("[data-field='addressInJapan']"));
        Assert.True(await page.Page.IsCheckedAsync("input[data-answer='prohibitedOrRestricted-no']"));

        await page.FillDeclarationAsync();
        Assert.Equal("green", await page.LaneAsync());
    }
}
