using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.Arrival;

/// <summary>
/// One passenger at the touch UI, end to end against the real service: simulated IC passport on the reader,
/// Chromium's fake camera showing a photo, the face engine comparing it with the chip portrait, the declaration
/// filled on screen. The pairs come from shared/faces/pairs.csv (obama_1/obama_2 "yes", obama_1/biden_1 "no").
/// The service runs without the active liveness challenge here (RunningServer's test default): these tests are about the
/// face comparison; the challenge has its own tests (ActiveLivenessTests).
/// </summary>
public sealed class SinglePassengerTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [FacesFact]
    public async Task Passenger_whose_camera_face_matches_the_chip_portrait_is_sent_to_the_e_gate()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-GREEN");
        await using var browser = await KioskBrowser.LaunchAsync("obama_2.jpg");
        var page = await browser.OpenAsync(kiosk);

        await page.ClickAsync("start");
        await page.WaitForScreenAsync("placePassport");
        kiosk.PlacePassport(Traveller.Adult("TG0000001"), "obama_1.jpg");
        await page.WaitForScreenAsync("face");
        await page.WaitForScreenAsync("declaration", KioskPage.FaceTimeoutMs);
        await page.FillDeclarationAsync();

        Assert.Equal("green", await page.LaneAsync());
        // The slip as the ESC/POS printer printed it (wording: PassengerGate.Documents KioskSlip).
        var slip = await kiosk.WaitForSlipsAsync(1);
        Assert.Single(slip.Cuts);
        Assert.Contains(slip.Lines, l => l.Text == "Proceed to the e-gate");
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM arrival_sessions WHERE kiosk_id = 'NRT-UI-GREEN' AND lane = 'green'"));
    }

    [FacesFact]
    public async Task Passenger_whose_camera_face_is_someone_else_is_sent_to_the_counter_with_a_face_reason()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-MISMATCH");
        await using var browser = await KioskBrowser.LaunchAsync("biden_1.jpg");
        var page = await browser.OpenAsync(kiosk);

        await page.ClickAsync("start");
        await page.WaitForScreenAsync("placePassport");
        kiosk.PlacePassport(Traveller.Adult("TR0000002"), "obama_1.jpg");

        Assert.Equal("red", await page.LaneAsync());
        Assert.Contains("faceNotMatched", await page.ReasonCodesAsync());
        var slip = await kiosk.WaitForSlipsAsync(1);
        Assert.Single(slip.Cuts);
        Assert.Contains(slip.Lines, l => l.Text == "Proceed to the customs counter");
        Assert.Contains(slip.Lines, l => l.Text == "[faceNotMatched]");
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM arrival_sessions WHERE kiosk_id = 'NRT-UI-MISMATCH' AND lane = 'green'"));
    }
}
