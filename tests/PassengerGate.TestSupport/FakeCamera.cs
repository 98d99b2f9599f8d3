using System.Diagnostics;
using System.Globalization;

namespace PassengerGate.TestSupport;

/// <summary>
/// Makes a video file for Chromium's fake camera (--use-file-for-fake-video-capture), which reads
/// Y4M or MJPEG (webrtc.org "Testing" page). A still photo becomes a 640×480, 10 fps clip that
/// Chromium loops.
/// </summary>
public static class FakeCamera
{
    public static void MakeY4m(string imagePath, string outPath, int seconds)
    {
        ArgumentException.ThrowIfNullOrEmpty(imagePath);
        ArgumentException.ThrowIfNullOrEmpty(outPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 1);
        if (!File.Exists(imagePath))
        {
            throw new FileNotFoundException("no image for the fake camera", imagePath);
        }

        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "-hide_banner", "-loglevel", "error", "-y", "-loop", "1", "-i", imagePath, "-t", seconds.ToString(CultureInfo.InvariantCulture),
            "-vf", "scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2,format=yuv420p",
            "-r", "10", outPath,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var ffmpeg = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start");
        var errors = ffmpeg.StandardError.ReadToEndAsync();
        ffmpeg.StandardOutput.ReadToEnd();
        ffmpeg.WaitForExit();
        if (ffmpeg.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg exited with {ffmpeg.ExitCode}: {errors.Result}");
        }
    }
}
