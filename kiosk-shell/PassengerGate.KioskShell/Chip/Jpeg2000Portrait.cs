using System.Diagnostics;
using PassengerGate.Icao.Lds;

namespace PassengerGate.KioskShell.Chip;

/// <summary>
/// Browsers do not decode JPEG 2000, which many chips use for the DG2 portrait (ISO/IEC 19794-5 image
/// type 1). The kiosk converts it to JPEG with Debian's ffmpeg (OpenJPEG-compatible decoder) through
/// pipes: the portrait never touches the disk and never leaves the kiosk.
/// </summary>
public static class Jpeg2000Portrait
{
    public static async Task<FacePortrait> ToBrowserImageAsync(FacePortrait portrait, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(portrait);
        if (portrait.ImageType != FaceImageType.Jpeg2000)
        {
            return portrait;
        }

        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-hide_banner", "-loglevel", "error", "-f", "image2pipe", "-c:v", "jpeg2000", "-i", "pipe:0", "-frames:v", "1", "-q:v", "2", "-f", "image2pipe", "-c:v", "mjpeg", "pipe:1" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start (apt-get install ffmpeg)");
        var output = new MemoryStream();
        var copyOut = process.StandardOutput.BaseStream.CopyToAsync(output, ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(portrait.ImageBytes, ct);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // ffmpeg stopped reading (an unreadable image): its exit code and message say why, below.
        }

        await copyOut;
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0 || output.Length == 0)
        {
            throw new InvalidOperationException($"the JPEG 2000 portrait could not be converted: {(await errors).Trim()}");
        }

        return new FacePortrait(FaceImageType.Jpeg, portrait.Width, portrait.Height, output.ToArray());
    }
}
