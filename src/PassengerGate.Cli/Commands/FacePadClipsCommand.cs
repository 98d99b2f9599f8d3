using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using PassengerGate.Cli.Face;

namespace PassengerGate.Cli.Commands;

/// <summary>
/// Makes the presentation attack test set for `pgate face pad-eval` from development photos: per photo a
/// synthetic bona fide clip (head turn both ways and a blink) and three attacks (still photo, the photo held
/// in a moving hand, a chip-sized portrait shown full screen), plus the videos.csv that lists them. The face
/// points come from the kiosk's own landmarks in headless Chromium (face/eval.js facePoints).
/// </summary>
public sealed class FacePadClipsCommand : ICliCommand
{
    public string Path => "face pad-clips";

    public string Usage => "--images DIR --photos a.jpg,b.jpg,... --out DIR [--ui DIR] [--chromium PATH]";

    public string Summary => "Make synthetic bona fide clips and photo attacks (Y4M, 640×480, 10 fps) and videos.csv for `face pad-eval`. Synthetic, not recorded people.";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var parsed = CliArgs.Parse(args, ["--images", "--photos", "--out", "--ui", "--chromium"]);
        if (parsed.Error is not null || parsed.Positionals.Count > 0)
        {
            return context.Usage($"face pad-clips: {parsed.Error ?? $"unexpected argument '{parsed.Positionals[0]}'"}");
        }

        var images = parsed.Option("--images");
        var photos = parsed.Option("--photos")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var outDir = parsed.Option("--out");
        if (images is null || photos is null || photos.Length == 0 || outDir is null)
        {
            return context.Usage($"face pad-clips: --images, --photos and --out are required; usage: pgate {Path} {Usage}");
        }

        if (photos.FirstOrDefault(p => !File.Exists(System.IO.Path.Combine(images, p))) is { } missing)
        {
            return context.Usage($"face pad-clips: photo not found: {System.IO.Path.Combine(images, missing)}");
        }

        var ui = parsed.Option("--ui") ?? FaceEvalCommand.FindUi();
        if (ui is null || !File.Exists(System.IO.Path.Combine(ui, "face", "eval.html")))
        {
            return context.Usage("face pad-clips: no kiosk UI with face/eval.html: build kiosk-shell or pass --ui");
        }

        Directory.CreateDirectory(outDir);
        var points = new Dictionary<string, FacePoints?>(StringComparer.Ordinal);
        await using (var server = StaticFileServer.Start(new Dictionary<string, string>(StringComparer.Ordinal) { ["ui"] = ui, ["images"] = images }))
        {
            FaceBrowser browser;
            try
            {
                browser = await FaceBrowser.LaunchAsync(parsed.Option("--chromium"));
            }
            catch (Exception ex) when (ex is PlaywrightException or FileNotFoundException or InvalidOperationException)
            {
                return context.Fail($"face pad-clips: Chromium could not start: {ex.Message}");
            }

            await using (browser)
            {
                var page = await browser.Browser.NewPageAsync();
                await page.GotoAsync(server.Url("ui", "face/eval.html").ToString());
                await page.WaitForFunctionAsync("() => window.faceEval !== undefined", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
                foreach (var photo in photos)
                {
                    var found = await page.EvaluateAsync<JsonElement?>("o => window.faceEval.facePoints(o)", new { url = server.Url("images", Uri.EscapeDataString(photo)).ToString() });
                    points[photo] = found is { ValueKind: JsonValueKind.Object } p ? Points(p) : null;
                }
            }
        }

        var csv = new StringBuilder("video,label,species,chip\n");
        var skipped = new List<string>();
        foreach (var photo in photos)
        {
            if (points[photo] is not { } p)
            {
                skipped.Add(photo);
                continue;
            }

            var stem = System.IO.Path.GetFileNameWithoutExtension(photo);
            var chip = System.IO.Path.GetFullPath(System.IO.Path.Combine(images, photo));
            foreach (var kind in Enum.GetValues<PadClipKind>())
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"{stem}-{kind}.y4m");
                PadClips.Make(System.IO.Path.Combine(images, photo), p, kind, System.IO.Path.Combine(outDir, name));
                csv.Append(CultureInfo.InvariantCulture, $"{name},{(kind == PadClipKind.BonaFide ? "bonafide" : "attack")},{kind},{chip}\n");
            }
        }

        var list = System.IO.Path.Combine(outDir, "videos.csv");
        await File.WriteAllTextAsync(list, csv.ToString());
        context.WriteJson(new { videos = list, photos = photos.Length - skipped.Count, skipped, points });
        return 0;
    }

    private static FacePoints Points(JsonElement p)
    {
        static PixelBox Box(JsonElement b) => new(b.GetProperty("x").GetDouble(), b.GetProperty("y").GetDouble(), b.GetProperty("width").GetDouble(), b.GetProperty("height").GetDouble());
        var nose = p.GetProperty("nose");
        return new FacePoints(
            p.GetProperty("width").GetInt32(), p.GetProperty("height").GetInt32(), Box(p.GetProperty("face")),
            new PixelPoint(nose.GetProperty("x").GetDouble(), nose.GetProperty("y").GetDouble()), Box(p.GetProperty("leftEye")), Box(p.GetProperty("rightEye")));
    }
}
