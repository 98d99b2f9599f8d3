using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using PassengerGate.Cli.Face;

namespace PassengerGate.Cli.Commands;

/// <summary>
/// Presentation attack detection measured the ISO/IEC 30107-3 way: each video of the list is played by
/// Chromium's fake camera (--use-file-for-fake-video-capture, Y4M or MJPEG) to the kiosk's own challenge
/// check (face-engine.js verifyChallenge, the code the face screen runs). APCER = attack presentations
/// accepted / attack presentations; BPCER = bona fide presentations rejected / bona fide presentations.
/// The challenge alternates Left/Right by row (with a blink), so a run is repeatable.
/// </summary>
public sealed class FacePadEvalCommand : ICliCommand
{
    public string Path => "face pad-eval";

    public string Usage => "--videos FILE.csv [--attempts N] [--details] [--ui DIR] [--chromium PATH]";

    public string Summary => "Run the kiosk's liveness challenge over videos (csv video,label=attack|bonafide[,species,chip]) on Chromium's fake camera: apcer, bpcer, ms per attempt.";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var parsed = CliArgs.Parse(args, ["--videos", "--attempts", "--ui", "--chromium"], ["--details"]);
        if (parsed.Error is not null || parsed.Positionals.Count > 0)
        {
            return context.Usage($"face pad-eval: {parsed.Error ?? $"unexpected argument '{parsed.Positionals[0]}'"}");
        }

        if (parsed.Option("--videos") is not { } list || !File.Exists(list))
        {
            return context.Usage($"face pad-eval: --videos FILE.csv is required and must exist; usage: pgate {Path} {Usage}");
        }

        var attempts = 2;
        if (parsed.Option("--attempts") is { } a && (!int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out attempts) || attempts is < 1 or > 5))
        {
            return context.Usage($"face pad-eval: --attempts '{a}' is not 1 to 5");
        }

        var read = PadVideosCsv.Parse(await File.ReadAllTextAsync(list), System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(list))!);
        if (read.Error is not null)
        {
            return context.Usage($"face pad-eval: {list}: {read.Error}");
        }

        if (read.Videos.FirstOrDefault(v => !File.Exists(v.Video) || (v.Chip is not null && !File.Exists(v.Chip))) is { } missing)
        {
            return context.Usage($"face pad-eval: {list}: file not found for {missing.Video}");
        }

        var ui = parsed.Option("--ui") ?? FaceEvalCommand.FindUi();
        if (ui is null || !File.Exists(System.IO.Path.Combine(ui, "face", "eval.html")))
        {
            return context.Usage("face pad-eval: no kiosk UI with face/eval.html: build kiosk-shell or pass --ui");
        }

        var chipDirs = read.Videos.Where(v => v.Chip is not null).Select(v => System.IO.Path.GetDirectoryName(v.Chip)!).Distinct(StringComparer.Ordinal).ToList();
        var roots = new Dictionary<string, string>(StringComparer.Ordinal) { ["ui"] = ui };
        for (var i = 0; i < chipDirs.Count; i++)
        {
            roots[$"chip{i}"] = chipDirs[i];
        }

        await using var server = StaticFileServer.Start(roots);
        var results = new List<(PadVideo Video, bool Accepted, int Ms, JsonElement Detail)>();
        for (var row = 0; row < read.Videos.Count; row++)
        {
            var video = read.Videos[row];
            FaceBrowser browser;
            try
            {
                browser = await FaceBrowser.LaunchAsync(parsed.Option("--chromium"), "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-video-capture={video.Video}");
            }
            catch (Exception ex) when (ex is PlaywrightException or FileNotFoundException or InvalidOperationException)
            {
                return context.Fail($"face pad-eval: Chromium could not start: {ex.Message}");
            }

            await using (browser)
            {
                var page = await browser.Browser.NewPageAsync();
                await page.GotoAsync(server.Url("ui", "face/eval.html").ToString());
                await page.WaitForFunctionAsync("() => window.faceEval !== undefined", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
                var chipUrl = video.Chip is null ? null : server.Url($"chip{chipDirs.IndexOf(System.IO.Path.GetDirectoryName(video.Chip)!)}", Uri.EscapeDataString(System.IO.Path.GetFileName(video.Chip))).ToString();
                var challenge = new { turn = row % 2 == 0 ? "Left" : "Right", blink = true };
                var r = await page.EvaluateAsync<JsonElement>(
                    "o => window.faceEval.verifyChallengeCamera(o)",
                    new { chipUrl, threshold = FaceMatchDefaults.Threshold, challenge, attempts });
                var active = r.GetProperty("active");
                results.Add((video, active.GetProperty("passed").GetBoolean(), r.GetProperty("ms").GetInt32(), r.Clone()));
            }
        }

        var attacks = results.Where(r => r.Video.Attack).ToList();
        var bonafide = results.Where(r => !r.Video.Attack).ToList();
        context.WriteJson(new
        {
            attacks = attacks.Count,
            bonafide = bonafide.Count,
            apcer = attacks.Count == 0 ? (double?)null : Math.Round((double)attacks.Count(r => r.Accepted) / attacks.Count, 4),
            bpcer = bonafide.Count == 0 ? (double?)null : Math.Round((double)bonafide.Count(r => !r.Accepted) / bonafide.Count, 4),
            msPerAttempt = results.Count == 0 ? 0 : (int)Math.Round(results.Average(r => r.Ms)),
            // ISO/IEC 30107-3 reports APCER per attack species (PAI species); the worst one is the one to quote.
            apcerBySpecies = attacks.GroupBy(r => r.Video.Species ?? "attack", StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Math.Round((double)g.Count(r => r.Accepted) / g.Count(), 4), StringComparer.Ordinal),
            attempts,
            videos = parsed.Flag("--details") ? results.Select(r => Detail(r.Video, r.Accepted, r.Ms, r.Detail)).ToList() : null,
        });
        return 0;
    }

    private static List<double>? Trace(JsonElement active, string name) =>
        active.TryGetProperty("trace", out var t) && t.ValueKind == JsonValueKind.Object && t.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Number).Select(x => x.GetDouble()).ToList()
            : null;

    private static object Detail(PadVideo video, bool accepted, int ms, JsonElement r)
    {
        var a = r.GetProperty("active");
        double? Num(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
        return new
        {
            video = System.IO.Path.GetFileName(video.Video),
            label = video.Attack ? "attack" : "bonafide",
            video.Species,
            accepted,
            ms,
            turn = a.TryGetProperty("challenge", out var c) && c.ValueKind == JsonValueKind.Object ? c.GetProperty("turn").GetString() : null,
            turnObserved = a.TryGetProperty("turnObserved", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null,
            turnShift = Num(a, "turnShift"),
            blinkObserved = a.TryGetProperty("blinkObserved", out var b) && b.ValueKind == JsonValueKind.True,
            blinkDrop = Num(a, "blinkDrop"),
            rigidResidual = Num(a, "rigidResidual"),
            framesAnalysed = Num(a, "framesAnalysed"),
            failure = a.TryGetProperty("failure", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null,
            score = Num(r, "score"),
            framesSeen = Num(r, "framesSeen"),
            shifts = Trace(a, "shifts"),
            openings = Trace(a, "openings"),
        };
    }
}

/// <summary>One row of a pad-eval list: the clip, attack or bona fide, the attack species, the chip portrait to compare with (optional).</summary>
public sealed record PadVideo(string Video, bool Attack, string? Species, string? Chip);

/// <summary>Reads `video,label[,species,chip]` (header required; paths relative to the list's folder).</summary>
public static class PadVideosCsv
{
    public static (IReadOnlyList<PadVideo> Videos, string? Error) Parse(string text, string baseDir)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0 || !lines[0].StartsWith("video,label", StringComparison.Ordinal))
        {
            return ([], "the first line must be the header video,label[,species,chip]");
        }

        var videos = new List<PadVideo>();
        for (var i = 1; i < lines.Count; i++)
        {
            var cells = lines[i].Split(',');
            if (cells.Length < 2 || cells[1] is not ("attack" or "bonafide"))
            {
                return ([], $"line {i + 1}: expected video,label with label attack or bonafide");
            }

            string Full(string p) => System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDir, p));
            videos.Add(new PadVideo(Full(cells[0]), cells[1] == "attack", cells.Length > 2 && cells[2].Length > 0 ? cells[2] : null, cells.Length > 3 && cells[3].Length > 0 ? Full(cells[3]) : null));
        }

        return videos.Count == 0 ? ([], "no videos listed") : (videos, null);
    }
}
