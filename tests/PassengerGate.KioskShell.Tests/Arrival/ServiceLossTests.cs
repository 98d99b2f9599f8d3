using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.Arrival;

/// <summary>
/// Faults with the service: unreachable at start means out of service; lost mid-session sends the passenger to
/// the counter (never the gate), and the session is closed once when the link returns.
/// </summary>
public sealed class ServiceLossTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [FacesFact]
    public async Task Service_stopped_mid_session_sends_the_passenger_to_the_counter_and_the_session_is_reconciled_once()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-LOST", new Dictionary<string, string?> { ["Kiosk:ServiceDeadline"] = "00:00:03" });
        await using var browser = await KioskBrowser.LaunchAsync("obama_2.jpg");
        var page = await browser.OpenAsync(kiosk);

        await page.ClickAsync("start");
        await page.WaitForScreenAsync("placePassport");
        kiosk.PlacePassport(Traveller.Adult("TL0000004"), "obama_1.jpg");
        await page.WaitForScreenAsync("declaration", KioskPage.FaceTimeoutMs);

        await server.StopAsync();
        await page.FillDeclarationAsync();

        Assert.Equal("red", await page.LaneAsync());
        Assert.Equal(["serviceUnavailable"], await page.ReasonCodesAsync());
        await page.ClickAsync("done");
        await page.WaitForScreenAsync("outOfService");
        Assert.Equal(0, await page.Page.Locator("[data-action='start']").CountAsync());

        await server.StartAsync();
        await page.WaitForScreenAsync("welcome");
        var reconciler = kiosk.Services.GetRequiredService<PassengerGate.KioskShell.Sessions.SessionReconciler>();
        for (var i = 0; i < 300 && reconciler.Pending > 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, reconciler.Pending);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM arrival_sessions WHERE kiosk_id = 'NRT-UI-LOST'"));
        Assert.Equal("Abandoned", await db.ScalarAsync<string>("SELECT state FROM arrival_sessions WHERE kiosk_id = 'NRT-UI-LOST'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM arrival_sessions WHERE kiosk_id = 'NRT-UI-LOST' AND lane = 'green'"));
    }

    [Fact]
    public async Task Kiosk_whose_service_is_unreachable_at_start_is_out_of_service_and_offers_no_start()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-DOWN");
        await server.StopAsync();
        await using var browser = await KioskBrowser.LaunchAsync(null);
        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(kiosk.Url);
        var kioskPage = new KioskPage(page);

        await kioskPage.WaitForScreenAsync("outOfService");
        Assert.Equal("serviceUnreachable", await page.GetAttributeAsync("section.out-of-service", "data-code"));
        Assert.Equal(0, await page.Locator("[data-action='start']").CountAsync());
    }

    [Fact]
    public async Task Device_fault_takes_the_kiosk_out_of_service_and_the_fault_reaches_the_service()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-FAULT");
        await using var browser = await KioskBrowser.LaunchAsync(null);
        var page = await browser.OpenAsync(kiosk);

        kiosk.Health.Report("printer", "paper out");

        await page.WaitForScreenAsync("outOfService");
        Assert.Equal("deviceFault", await page.Page.GetAttributeAsync("section.out-of-service", "data-code"));
        string? reported = null;
        for (var i = 0; i < 100 && reported is null; i++)
        {
            reported = await db.ScalarAsync<string>("SELECT devices->>'printer' FROM kiosks WHERE kiosk_id = 'NRT-UI-FAULT'");
            await Task.Delay(100);
        }

        Assert.Equal("paper out", reported);
    }
}
