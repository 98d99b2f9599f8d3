using PassengerGate.KioskShell.Sessions;
using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.Arrival;

/// <summary>
/// The chip portrait's one-time URL is lost before the page could draw it (a fetch dropped on a busy kiosk, a screen
/// drawn twice). That is not a camera fault: the kiosk stays in service, the page gets the same portrait under a new
/// URL, and when it never can, the passenger goes to an officer with the face check not done. Playwright's routing
/// drops the page's requests for the portrait; the host and the service are the real ones.
/// </summary>
public sealed class PortraitLossTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [FacesFact]
    public async Task A_portrait_lost_once_is_handed_out_again_and_the_passenger_goes_on_with_the_kiosk_in_service()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-PLOST1");
        await using var browser = await KioskBrowser.LaunchAsync("obama_2.jpg");
        var page = await browser.OpenAsync(kiosk);
        var requested = new List<string>();
        await page.Page.RouteAsync("**/ui/portrait/**", async route =>
        {
            lock (requested)
            {
                requested.Add(route.Request.Url);
            }

            if (requested.Count == 1)
            {
                await route.AbortAsync();
            }
            else
            {
                await route.ContinueAsync();
            }
        });

        await page.ClickAsync("start");
        await page.WaitForScreenAsync("placePassport");
        kiosk.PlacePassport(Traveller.Adult("TG0000071"), "obama_1.jpg");
        await page.WaitForScreenAsync("declaration", KioskPage.FaceTimeoutMs);
        await page.FillDeclarationAsync();

        Assert.Equal("green", await page.LaneAsync());
        Assert.Equal(2, requested.Count);
        Assert.NotEqual(requested[0], requested[1]);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM arrival_sessions WHERE kiosk_id = 'NRT-UI-PLOST1' AND lane = 'green'"));
    }

    [FacesFact]
    public async Task A_portrait_that_never_loads_sends_the_passenger_to_an_officer_and_does_not_take_the_kiosk_out_of_service()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-PLOST2");
        await using var browser = await KioskBrowser.LaunchAsync("obama_2.jpg");
        var page = await browser.OpenAsync(kiosk);
        var requests = 0;
        await page.Page.RouteAsync("**/ui/portrait/**", route =>
        {
            Interlocked.Increment(ref requests);
            return route.FulfillAsync(new() { Status = 404 });
        });

        await page.ClickAsync("start");
        await page.WaitForScreenAsync("placePassport");
        kiosk.PlacePassport(Traveller.Adult("TR0000072"), "obama_1.jpg");

        Assert.Equal("red", await page.LaneAsync());
        Assert.Equal(1 + KioskConversation.PortraitReissues, Volatile.Read(ref requests));
        var slip = await kiosk.WaitForSlipsAsync(1);
        Assert.Contains(slip.Lines, l => l.Text == "Proceed to the customs counter");
        Assert.Equal(1L, await db.ScalarAsync<long>(
            "SELECT count(*) FROM arrival_sessions WHERE kiosk_id = 'NRT-UI-PLOST2' AND lane = 'red' AND facts::text LIKE '%portrait-unavailable%'"));
        Assert.Equal("result", await page.Page.GetAttributeAsync("body", "data-screen"));
    }
}
