using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.Arrival;

/// <summary>Live guidance at the camera: two faces in view (shared/faces/group_obama_biden.jpg, README: "holds two faces").</summary>
public sealed class FaceGuidanceTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [FacesFact]
    public async Task Two_faces_in_front_of_the_camera_are_told_one_person_only_and_never_reach_the_e_gate()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-TWO");
        await using var browser = await KioskBrowser.LaunchAsync("group_obama_biden.jpg");
        var page = await browser.OpenAsync(kiosk);

        await page.ClickAsync("start");
        await page.WaitForScreenAsync("placePassport");
        kiosk.PlacePassport(Traveller.Adult("TW0000012"), "obama_1.jpg");
        await page.WaitForScreenAsync("face");

        await page.Page.WaitForSelectorAsync(".guidance[data-guidance='faceOneOnly']", new() { Timeout = KioskPage.FaceTimeoutMs });
        // The words on screen are the English catalogue's for that prompt, not the key or the previous prompt.
        using var english = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "KioskUi", "i18n", "en.json")));
        Assert.Equal(english.RootElement.GetProperty("faceOneOnly").GetString(), await page.Page.InnerTextAsync(".guidance"));
        Assert.Equal("red", await page.LaneAsync());
        Assert.Contains("faceNotConfirmed", await page.ReasonCodesAsync());
    }
}
