using System.Text.Json;
using PassengerGate.Cli.Face;
using PassengerGate.TestSupport;

namespace PassengerGate.Cli.Tests;

/// <summary>
/// verifyLive in real Chromium with its fake camera fed from a still photo (tech.md §4: all three
/// fake-media flags are needed). Chip portrait obama_1 against a camera showing obama_2, biden_1 and
/// biden_2; the identities come from the file names the faces README gives. Each camera file needs
/// its own Chromium (the fake device is fixed at launch).
/// </summary>
public sealed class FaceCameraTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("pgate-camera-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [FacesFact]
    public async Task Chip_portrait_matches_the_same_person_on_camera_and_not_another()
    {
        var faces = SharedFaces.RequiredDirectory;
        var ui = Path.Combine(AppContext.BaseDirectory, "KioskUi");
        await using var server = StaticFileServer.Start(new Dictionary<string, string>(StringComparer.Ordinal) { ["ui"] = ui, ["images"] = faces });

        var same = await VerifyAsync(server, Path.Combine(faces, "obama_2.jpg"));
        var otherSmall = await VerifyAsync(server, Path.Combine(faces, "biden_1.jpg"));
        var other = await VerifyAsync(server, Path.Combine(faces, "biden_2.jpg"));

        Assert.True(same.GetProperty("match").GetBoolean(), same.ToString());
        Assert.True(same.GetProperty("score").GetDouble() >= FaceMatchDefaults.Threshold, same.ToString());
        Assert.True(same.GetProperty("framesUsed").GetInt32() > 0, same.ToString());
        Assert.InRange(same.GetProperty("liveness").GetProperty("real").GetDouble(), 0, 1);
        Assert.InRange(same.GetProperty("liveness").GetProperty("live").GetDouble(), 0, 1);

        // biden_1 is a tall full-length photo: letterboxed into 640×480 his face is about 55 px wide,
        // under the engine's 80 px minimum, so no frame is compared and the answer is "no match".
        Assert.False(otherSmall.GetProperty("match").GetBoolean(), otherSmall.ToString());
        Assert.Equal(JsonValueKind.Null, otherSmall.GetProperty("score").ValueKind);
        Assert.Contains("face-too-small", otherSmall.GetProperty("quality").GetProperty("problems").EnumerateArray().Select(p => p.GetString()));

        // biden_2 fills the frame: frames pass the quality checks and are compared, and the score stays low.
        Assert.False(other.GetProperty("match").GetBoolean(), other.ToString());
        Assert.True(other.GetProperty("framesUsed").GetInt32() > 0, other.ToString());
        Assert.True(other.GetProperty("score").GetDouble() < FaceMatchDefaults.Threshold, other.ToString());

        foreach (var result in new[] { same, otherSmall, other })
        {
            output.WriteLine(result.GetRawText());
            // Nothing that leaves the engine may carry pixels or the biometric template.
            var text = result.GetRawText();
            Assert.DoesNotContain("descriptor", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("data:image", text, StringComparison.Ordinal);
            Assert.True(text.Length < 2000, $"the result is {text.Length} characters: {text}");
        }
    }

    private async Task<JsonElement> VerifyAsync(StaticFileServer server, string cameraImage)
    {
        var video = Path.Combine(_temp, Path.GetFileNameWithoutExtension(cameraImage) + ".y4m");
        FakeCamera.MakeY4m(cameraImage, video, seconds: 3);
        await using var browser = await FaceBrowser.LaunchAsync(
            null,
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            $"--use-file-for-fake-video-capture={video}");
        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(server.Url("ui", "face/eval.html").ToString());
        await page.WaitForFunctionAsync("() => window.faceEval !== undefined");
        return await page.EvaluateAsync<JsonElement>(
            "o => window.faceEval.verifyCamera(o)",
            new { chipUrl = server.Url("images", "obama_1.jpg").ToString(), threshold = FaceMatchDefaults.Threshold, frames = 3 });
    }
}
