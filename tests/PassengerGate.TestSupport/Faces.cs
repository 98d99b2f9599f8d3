using System.Diagnostics;

using Xunit;

namespace PassengerGate.TestSupport;

/// <summary>
/// The shared face photos (found by <see cref="SharedFaces"/>) as chip portraits and
/// fake-camera videos made from them with ffmpeg (Chromium's --use-file-for-fake-video-capture plays a .y4m).
/// </summary>
public static class Faces
{
    /// <summary>The shared faces folder; a test that needs it fails (or skips outside CI, see <see cref="FacesFactAttribute"/>) when absent.</summary>
    public static string Folder => SharedFaces.RequiredDirectory;

    // obama_2.jpg (see BonaFideVideo): `pgate face pad-clips --images ../shared/faces --photos obama_2.jpg --out DIR` prints these.
    private static readonly PassengerGate.Cli.Face.FacePoints Obama2 = new(
        626, 1200, new(215, 242, 257, 393), new(283, 441), new(230, 363, 43, 14), new(342, 372, 49, 18));

    public static bool Available => SharedFaces.Directory is not null;

    /// <summary>
    /// The photo as a chip portrait: 360 px wide JPEG of about 30 kB. Issuers store portraits of 15–30 kB in DG2
    /// (Doc 9303-10 §4.6.1 leaves the size to the issuer; the shared photos are 80–280 kB originals).
    /// </summary>
    public static byte[] ChipPortrait(string file) =>
        File.ReadAllBytes(Ffmpeg(file, "portrait", "jpg", [], ["-vf", "scale=360:-2", "-q:v", "5"]));

    /// <summary>A few seconds of the still photo at 640×480 (letterboxed), looped by Chromium as the camera.</summary>
    public static string CameraVideo(string file) =>
        Ffmpeg(file, "camera", "y4m", ["-loop", "1"], ["-t", "2", "-r", "10", "-vf", "scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2", "-pix_fmt", "yuv420p"]);

    /// <summary>
    /// A synthetic bona fide clip of the photo for the fake camera (PadClips: head turned left and right, then a
    /// blink), which answers either challenge the service may pick. Face points measured with
    /// `pgate face pad-clips` (the kiosk's own face-api landmarks) on the shared photo.
    /// </summary>
    public static string BonaFideVideo(string file)
    {
        var points = file switch
        {
            "obama_2.jpg" => Obama2,
            _ => throw new ArgumentException($"no face points recorded for {file}", nameof(file)),
        };
        var made = Path.Combine(Path.GetTempPath(), $"pgate-bonafide-v4-{Path.GetFileNameWithoutExtension(file)}.y4m");
        lock (Made)
        {
            if (!File.Exists(made))
            {
                // Written under a name of its own and moved into place, so another test process never reads half a clip.
                var partial = $"{made}.{Guid.NewGuid():N}.tmp.y4m";
                PassengerGate.Cli.Face.PadClips.Make(Path.Combine(Folder, file), points, PassengerGate.Cli.Face.PadClipKind.BonaFide, partial);
                File.Move(partial, made, overwrite: true);
            }
        }

        return made;
    }

    // Conversions are made once per file; tests in one process that ask for the same file at once wait for the first.
    private static readonly object Made = new();

    private static string Ffmpeg(string file, string kind, string extension, string[] input, string[] output)
    {
        var made = Path.Combine(Path.GetTempPath(), $"pgate-{kind}-{Path.GetFileNameWithoutExtension(file)}.{extension}");
        lock (Made)
        {
            if (!File.Exists(made))
            {
                Convert(file, made, extension, input, output);
            }
        }

        return made;
    }

    private static void Convert(string file, string made, string extension, string[] input, string[] output)
    {
        // A name no other thread or process uses: the finished file appears under `made` in one rename.
        var partial = $"{made}.{Guid.NewGuid():N}.tmp.{extension}";
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var argument in (string[])["-y", "-loglevel", "error", .. input, "-i", Path.Combine(Folder, file), .. output, partial])
        {
            start.ArgumentList.Add(argument);
        }

        using var ffmpeg = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start");
        var error = ffmpeg.StandardError.ReadToEnd();
        ffmpeg.WaitForExit();
        if (ffmpeg.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg failed on {file}: {error}");
        }

        File.Move(partial, made, overwrite: true);
    }
}
