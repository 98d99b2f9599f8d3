using System.Diagnostics;

namespace PassengerGate.KioskShell.Tests.Support;

/// <summary>
/// The shared face photos (PASSENGERGATE_SHARED/faces, default ../shared/faces beside the repository) and
/// fake-camera videos made from them with ffmpeg (Chromium's --use-file-for-fake-video-capture plays a .y4m).
/// </summary>
public static class Faces
{
    public static string Folder
    {
        get
        {
            var shared = Environment.GetEnvironmentVariable("PASSENGERGATE_SHARED");
            if (string.IsNullOrWhiteSpace(shared))
            {
                var dir = new DirectoryInfo(AppContext.BaseDirectory);
                while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PassengerGate.sln")))
                {
                    dir = dir.Parent;
                }

                shared = dir?.Parent is { } parent ? Path.Combine(parent.FullName, "shared") : "../shared";
            }

            return Path.Combine(shared, "faces");
        }
    }

    public static bool Available => File.Exists(Path.Combine(Folder, "obama_1.jpg"));

    /// <summary>
    /// The photo as a chip portrait: 360 px wide JPEG of about 30 kB. Issuers store portraits of 15–30 kB in DG2
    /// (Doc 9303-10 §4.6.1 leaves the size to the issuer; the shared photos are 80–280 kB originals).
    /// </summary>
    public static byte[] ChipPortrait(string file) =>
        File.ReadAllBytes(Ffmpeg(file, "portrait", "jpg", [], ["-vf", "scale=360:-2", "-q:v", "5"]));

    /// <summary>A few seconds of the still photo at 640×480 (letterboxed), looped by Chromium as the camera.</summary>
    public static string CameraVideo(string file) =>
        Ffmpeg(file, "camera", "y4m", ["-loop", "1"], ["-t", "2", "-r", "10", "-vf", "scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2", "-pix_fmt", "yuv420p"]);

    private static string Ffmpeg(string file, string kind, string extension, string[] input, string[] output)
    {
        var made = Path.Combine(Path.GetTempPath(), $"pgate-{kind}-{Path.GetFileNameWithoutExtension(file)}.{extension}");
        if (File.Exists(made))
        {
            return made;
        }

        var partial = $"{made}.{Environment.ProcessId}.tmp.{extension}";
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
        return made;
    }
}
