using System.Diagnostics;
using System.Globalization;

namespace PassengerGate.Cli.Face;

/// <summary>Where the face is on a development photo (image pixels), from the kiosk's own landmarks (face/eval.js facePoints).</summary>
public sealed record FacePoints(int Width, int Height, PixelBox Face, PixelPoint Nose, PixelBox LeftEye, PixelBox RightEye);

public sealed record PixelBox(double X, double Y, double Width, double Height);

public sealed record PixelPoint(double X, double Y);

/// <summary>The kinds of clip made for presentation attack detection tests (ISO/IEC 30107-3 calls an attack kind a PAI species).</summary>
public enum PadClipKind
{
    /// <summary>Synthetic bona fide: head turned left, back, right, back, then a blink.</summary>
    BonaFide,

    /// <summary>A still photo in front of the camera.</summary>
    StillPhoto,

    /// <summary>The same photo held in a hand: moved, rotated in the plane, tilted away about the vertical axis and zoomed over time.</summary>
    HandHeldPhoto,

    /// <summary>A chip-sized portrait (about 180×240) shown full screen, i.e. scaled up to the camera frame.</summary>
    ChipPortraitOnScreen,
}

/// <summary>
/// Makes fake-camera clips (640×480, 10 fps, Y4M, which Chromium's --use-file-for-fake-video-capture plays in
/// a loop) from one development photo. There are no recorded subjects here, so the bona fide clips are
/// SYNTHETIC: the head turn is a non-rigid horizontal warp that moves the middle of the face (nose) sideways
/// while the face outline stays (a cylinder-like turn), and the blink lowers skin-coloured upper lids with a lash
/// line over the whole eye opening the landmarks outline and raises them again (700 ms). A real evaluation needs recorded
/// people. ffmpeg decodes the photo and encodes the clip; the frames are computed here, on raw RGB.
/// </summary>
public static class PadClips
{
    public const int Width = 640;
    public const int Height = 480;
    public const int Fps = 10;

    /// <summary>Largest sideways shift of the face's middle in the synthetic head turn, as a fraction of the face box width.</summary>
    public const double TurnAmplitude = 0.25;

    public static void Make(string imagePath, FacePoints points, PadClipKind kind, string outPath)
    {
        ArgumentNullException.ThrowIfNull(points);
        var photo = Framed(imagePath, points, out var face);
        var frames = kind switch
        {
            PadClipKind.BonaFide => BonaFide(photo, face),
            PadClipKind.StillPhoto => Enumerable.Repeat(photo, 3 * Fps),
            PadClipKind.HandHeldPhoto => HandHeld(photo),
            PadClipKind.ChipPortraitOnScreen => Enumerable.Repeat(ChipOnScreen(photo, face), 3 * Fps),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        Encode(frames, outPath);
    }

    /// <summary>Height of the detector's face box in the clip: a passenger at arm's length from a kiosk camera.</summary>
    public const double FaceHeightPx = 260;

    /// <summary>
    /// The photo scaled so the face box is <see cref="FaceHeightPx"/> high and cropped to 640×480 around the face
    /// (grey where the photo ends), and the face points moved with it.
    /// </summary>
    private static byte[] Framed(string imagePath, FacePoints p, out FacePoints face)
    {
        var scale = FaceHeightPx / p.Face.Height;
        var w = (int)Math.Round(p.Width * scale);
        var h = (int)Math.Round(p.Height * scale);
        var cx = (p.Face.X + (p.Face.Width / 2)) * scale;
        var cy = (p.Face.Y + (p.Face.Height / 2)) * scale;
        var cropX = (int)Math.Round(Width + cx - (Width / 2.0));
        var cropY = (int)Math.Round(Height + cy - (Height / 2.0));
        double X(double x) => (x * scale) + Width - cropX;
        double Y(double y) => (y * scale) + Height - cropY;
        PixelBox Box(PixelBox b) => new(X(b.X), Y(b.Y), b.Width * scale, b.Height * scale);
        face = new FacePoints(Width, Height, Box(p.Face), new PixelPoint(X(p.Nose.X), Y(p.Nose.Y)), Box(p.LeftEye), Box(p.RightEye));
        var vf = string.Create(CultureInfo.InvariantCulture, $"scale={w}:{h},pad={w + (2 * Width)}:{h + (2 * Height)}:{Width}:{Height}:color=gray,crop={Width}:{Height}:{cropX}:{cropY}");
        return Run(["-i", imagePath, "-vf", vf, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"], null);
    }

    private static IEnumerable<byte[]> BonaFide(byte[] photo, FacePoints face)
    {
        // 4 s: still, turn left and back, still, turn right and back, still, blink (7 frames), open.
        double[] ramp = [0.25, 0.5, 0.75, 1.0];
        var yaw = new List<double> { 0, 0, 0 };
        yaw.AddRange(ramp);
        yaw.AddRange([1, 1, 1]);
        yaw.AddRange(ramp.Reverse().Skip(1).Append(0));
        yaw.AddRange([0, 0]);
        yaw.AddRange(ramp.Select(r => -r));
        yaw.AddRange([-1, -1, -1]);
        yaw.AddRange(ramp.Reverse().Skip(1).Select(r => -r).Append(0));
        yaw.AddRange([0, 0]);
        var blinkStart = yaw.Count;
        yaw.AddRange([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // A blink asked for, at 10 fps: the lid closes over two frames, stays shut for two and reopens, more slowly,
        // over three; voluntary blinks last longer than spontaneous ones and reopen more slowly than they close
        // (Kwon et al., "High-speed camera characterization of voluntary eye blinking kinematics",
        // J. R. Soc. Interface 10:20130227, 2013).
        double[] closure = [0.5, 1, 1, 1, 0.7, 0.4, 0.15];
        var lids = closure.Distinct().ToDictionary(c => c, c => Lids(photo, face, c));
        for (var i = 0; i < yaw.Count; i++)
        {
            if (i >= blinkStart && i < blinkStart + closure.Length)
            {
                yield return lids[closure[i - blinkStart]];
            }
            else
            {
                yield return yaw[i] == 0 ? photo : Turn(photo, face, yaw[i] * TurnAmplitude * face.Face.Width);
            }
        }
    }

    /// <summary>
    /// A head turn as a horizontal warp: content at x moves by a·cos²(π(x−cx)/2R) inside |x−cx| &lt; R (R = 0.7 face widths
    /// around the face box's centre), nothing outside. The middle of the face moves most, the outline near the ears hardly, as
    /// when a head turns; a flat photo cannot do that under any affine motion. Positive a moves the face's
    /// middle to the image's right, which is the passenger turning to their own left (the camera does not mirror).
    /// </summary>
    private static byte[] Turn(byte[] src, FacePoints face, double a)
    {
        var cx = face.Face.X + (face.Face.Width / 2);
        var r = 0.7 * face.Face.Width;
        var top = face.Face.Y - 0.6 * face.Face.Height;
        var bottom = face.Face.Y + 1.4 * face.Face.Height;
        var dst = (byte[])src.Clone();
        for (var x = 0; x < Width; x++)
        {
            var u = (x - cx) / r;
            if (Math.Abs(u) >= 1)
            {
                continue;
            }

            // Inverse map, solved by fixed-point iteration (the forward shift has slope below 1).
            var sx = (double)x;
            for (var k = 0; k < 6; k++)
            {
                var c = Math.Cos(Math.PI / 2 * (sx - cx) / r);
                sx = x - (Math.Abs((sx - cx) / r) < 1 ? a * c * c : 0);
            }

            for (var y = (int)Math.Max(0, top); y < Math.Min(Height, bottom); y++)
            {
                var fade = Fade(y, top, bottom);
                var s = x + ((sx - x) * fade);
                Sample(src, s, y, dst, x, y);
            }
        }

        return dst;
    }

    private static double Fade(double y, double top, double bottom)
    {
        var edge = (bottom - top) * 0.15;
        return Math.Clamp(Math.Min(y - top, bottom - y) / edge, 0, 1);
    }

    private static void Sample(byte[] src, double sx, double sy, byte[] dst, int x, int y)
    {
        var x0 = (int)Math.Floor(sx);
        var y0 = (int)Math.Floor(sy);
        var fx = sx - x0;
        var fy = sy - y0;
        for (var ch = 0; ch < 3; ch++)
        {
            double At(int xx, int yy) => xx < 0 || yy < 0 || xx >= Width || yy >= Height ? 128 : src[(((yy * Width) + xx) * 3) + ch];
            var v = (At(x0, y0) * (1 - fx) * (1 - fy)) + (At(x0 + 1, y0) * fx * (1 - fy)) + (At(x0, y0 + 1) * (1 - fx) * fy) + (At(x0 + 1, y0 + 1) * fx * fy);
            dst[(((y * Width) + x) * 3) + ch] = (byte)Math.Clamp(Math.Round(v), 0, 255);
        }
    }

    /// <summary>
    /// Eyes with the upper lids lowered by <paramref name="closure"/> (0 open, 1 closed). The eye opening is the almond
    /// the kiosk's six eye landmarks outline (corners left and right, lids above and below; approximated from their
    /// box, widened by a tenth of its height for the landmarks' imprecision). A real upper lid is skin that slides down
    /// over the whole opening and, closed, meets the lower lid, which hardly moves; the lashes leave a thin dark line
    /// there. So: from just above the opening (the open
    /// eye's upper lash line) down to the lid's edge, skin taken column by column from below the eye; the edge is a
    /// lash line; below it the photo as it was. Only the eye region changes, blended into the photo at the corners.
    /// </summary>
    private static byte[] Lids(byte[] src, FacePoints face, double closure)
    {
        var dst = (byte[])src.Clone();
        foreach (var eye in new[] { face.LeftEye, face.RightEye })
        {
            var margin = 0.1 * eye.Height;
            var cy = eye.Y + (eye.Height / 2);
            var x0 = (int)Math.Floor(eye.X - (0.15 * eye.Width));
            var x1 = (int)Math.Ceiling(eye.X + (1.15 * eye.Width));
            var lash = Math.Max(1.2, 0.1 * eye.Height);
            // The lid skin: the skin under the lower lid, averaged over three rows.
            var skinRow = (int)Math.Ceiling(eye.Y + (1.5 * eye.Height) + 2);
            for (var x = x0; x <= x1; x++)
            {
                var u = Math.Clamp((x - eye.X) / eye.Width, -0.15, 1.15);
                var alpha = Math.Clamp(Math.Min(x - x0, x1 - x) / Math.Max(1.0, 0.12 * (x1 - x0)), 0, 1);
                var half = (eye.Height / 2 * Math.Pow(Math.Sin(Math.PI * Math.Clamp(u, 0, 1)), 0.7)) + margin;
                var upper = cy - half;
                var lower = cy + half;
                var top = upper - Math.Max(1.5, 0.3 * eye.Height);
                var edge = upper + (closure * (lower - upper));
                var skin = new double[3];
                for (var ch = 0; ch < 3; ch++)
                {
                    skin[ch] = (src[(((skinRow * Width) + x) * 3) + ch] + src[((((skinRow + 1) * Width) + x) * 3) + ch] + src[((((skinRow + 2) * Width) + x) * 3) + ch]) / 3.0;
                }

                for (var y = (int)Math.Floor(top); y <= (int)Math.Ceiling(edge + lash); y++)
                {
                    for (var ch = 0; ch < 3; ch++)
                    {
                        var i = (((y * Width) + x) * 3) + ch;
                        // Skin above the lash line, the lash line (skin at 40 %) on the edge, fading back into the photo under it;
                        // the top row is feathered into the photo so the lid has no seam.
                        var v = y < edge - lash ? skin[ch]
                            : y <= edge ? skin[ch] * 0.4
                            : src[i] + ((skin[ch] * 0.4 - src[i]) * Math.Clamp(1 - ((y - edge) / lash), 0, 1));
                        var feather = Math.Clamp(y - top, 0, 1);
                        var a = alpha * feather;
                        dst[i] = (byte)Math.Clamp(Math.Round((v * a) + (src[i] * (1 - a))), 0, 255);
                    }
                }
            }
        }

        return dst;
    }

    /// <summary>
    /// A hand holding the photo: over 4 s it drifts (±30 px), rotates in the plane (±8°), zooms (0.9–1.15×) and tilts
    /// away about the vertical axis (±25°, seen in perspective from 554 px, a 60° lens) — more motion than a
    /// real head, none of it non-rigid.
    /// </summary>
    private static IEnumerable<byte[]> HandHeld(byte[] photo)
    {
        const double focal = 554;
        for (var i = 0; i < 4 * Fps; i++)
        {
            var t = (double)i / (4 * Fps) * 2 * Math.PI;
            var dx = 30 * Math.Sin(t);
            var dy = 20 * Math.Sin(2 * t);
            var rot = 8 * Math.PI / 180 * Math.Sin(t + 1);
            var zoom = 1.025 + (0.125 * Math.Sin(t + 2));
            var tilt = 25 * Math.PI / 180 * Math.Sin(t);
            var dst = new byte[photo.Length];
            var (cos, sin) = (Math.Cos(rot), Math.Sin(rot));
            var (ct, st) = (Math.Cos(tilt), Math.Sin(tilt));
            for (var y = 0; y < Height; y++)
            {
                for (var x = 0; x < Width; x++)
                {
                    // Undo the similarity (drift, in-plane rotation, zoom) around the frame centre...
                    var px = (x - (Width / 2.0) - dx) / zoom;
                    var py = (y - (Height / 2.0) - dy) / zoom;
                    var qx = (cos * px) + (sin * py);
                    var qy = (-sin * px) + (cos * py);
                    // ...then the tilt of the photo's plane: image x = u·cos φ / (1 + u·sin φ / f), y = v / (1 + u·sin φ / f).
                    var u = qx / (ct - (qx * st / focal));
                    var v = qy * (1 + (u * st / focal));
                    Sample(photo, u + (Width / 2.0), v + (Height / 2.0), dst, x, y);
                }
            }

            yield return dst;
        }
    }

    /// <summary>The face region cut to a 3:4 portrait, reduced to 180×240 (a small chip portrait) and enlarged again to the frame height.</summary>
    private static byte[] ChipOnScreen(byte[] photo, FacePoints face)
    {
        var ph = face.Face.Height * 2.0;
        var pw = ph * 0.75;
        var px = face.Face.X + (face.Face.Width / 2) - (pw / 2);
        var py = face.Face.Y + (face.Face.Height / 2) - (ph * 0.45);
        const int cw = 180;
        const int chh = 240;
        var small = new double[cw * chh * 3];
        for (var y = 0; y < chh; y++)
        {
            for (var x = 0; x < cw; x++)
            {
                // Box filter over the source pixels each chip pixel covers.
                var sx0 = px + (x * pw / cw);
                var sy0 = py + (y * ph / chh);
                var n = 0;
                var sum = new double[3];
                for (var sy = (int)sy0; sy < (int)(sy0 + (ph / chh)) + 1; sy++)
                {
                    for (var sx = (int)sx0; sx < (int)(sx0 + (pw / cw)) + 1; sx++)
                    {
                        for (var ch = 0; ch < 3; ch++)
                        {
                            sum[ch] += sx < 0 || sy < 0 || sx >= Width || sy >= Height ? 128 : photo[(((sy * Width) + sx) * 3) + ch];
                        }

                        n++;
                    }
                }

                for (var ch = 0; ch < 3; ch++)
                {
                    small[(((y * cw) + x) * 3) + ch] = sum[ch] / n;
                }
            }
        }

        var dst = new byte[photo.Length];
        Array.Fill(dst, (byte)20);
        var scale = (double)Height / chh;
        var left = (Width - (cw * scale)) / 2;
        for (var y = 0; y < Height; y++)
        {
            for (var x = (int)left; x < (int)(left + (cw * scale)); x++)
            {
                var sx = Math.Clamp(((x - left) / scale) - 0.5, 0, cw - 1.001);
                var sy = Math.Clamp((y / scale) - 0.5, 0, chh - 1.001);
                var x0 = (int)sx;
                var y0 = (int)sy;
                var fx = sx - x0;
                var fy = sy - y0;
                for (var ch = 0; ch < 3; ch++)
                {
                    double At(int xx, int yy) => small[(((yy * cw) + xx) * 3) + ch];
                    var v = (At(x0, y0) * (1 - fx) * (1 - fy)) + (At(x0 + 1, y0) * fx * (1 - fy)) + (At(x0, y0 + 1) * (1 - fx) * fy) + (At(x0 + 1, y0 + 1) * fx * fy);
                    dst[(((y * Width) + x) * 3) + ch] = (byte)Math.Clamp(Math.Round(v), 0, 255);
                }
            }
        }

        return dst;
    }

    private static void Encode(IEnumerable<byte[]> frames, string outPath)
    {
        var partial = $"{outPath}.{Environment.ProcessId}.tmp.y4m";
        Run(["-f", "rawvideo", "-pix_fmt", "rgb24", "-s", $"{Width}x{Height}", "-r", Fps.ToString(CultureInfo.InvariantCulture), "-i", "-", "-pix_fmt", "yuv420p", partial], frames);
        File.Move(partial, outPath, overwrite: true);
    }

    private static byte[] Run(IReadOnlyList<string> args, IEnumerable<byte[]>? input)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = input is not null, UseShellExecute = false };
        foreach (var a in (string[])["-hide_banner", "-loglevel", "error", "-y", .. args])
        {
            start.ArgumentList.Add(a);
        }

        using var ffmpeg = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start");
        var errors = ffmpeg.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        var copy = ffmpeg.StandardOutput.BaseStream.CopyToAsync(output);
        if (input is not null)
        {
            using var stdin = ffmpeg.StandardInput.BaseStream;
            foreach (var frame in input)
            {
                stdin.Write(frame);
            }
        }

        copy.GetAwaiter().GetResult();
        ffmpeg.WaitForExit();
        if (ffmpeg.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg exited with {ffmpeg.ExitCode}: {errors.Result}");
        }

        return output.ToArray();
    }
}
