using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using PassengerGate.Cli.Face;

namespace PassengerGate.Cli.Commands;

/// <summary>
/// Scores a pairs list with the kiosk's own face engine (KioskUi/face/face-engine.js) in headless
/// Chromium on the WASM backend, so the figures are those of the code that runs at the gate.
/// </summary>
public sealed class FaceEvalCommand : ICliCommand
{
    private const string UiFolderName = "KioskUi";

    public string Path => "face eval";

    public string Usage => "--pairs FILE.csv --images DIR [--as-chip] [--variants tight,small,gray] [--no-enrol-retry] [--threshold T] [--plot FILE.png] [--scores] [--ui DIR] [--chromium PATH]";

    public string Summary => "Run the kiosk face engine over pairs (csv file_x,file_y,same=yes/no) in headless Chromium: fnmr, fmr, eer, ms per image. "
        + "--as-chip degrades the first image of each pair to ≤480×640 and ≤20 KB JPEG; --variants makes it a tight face crop, 150 px wide and/or grey (as some issuers store portraits); "
        + "--no-enrol-retry turns off the padded retries for portraits the detector misses; --scores adds per-pair scores; --ui is the KioskUi folder (default: beside pgate).";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var parsed = CliArgs.Parse(args, ["--pairs", "--images", "--threshold", "--plot", "--ui", "--chromium", "--variants"], ["--as-chip", "--scores", "--no-enrol-retry"]);
        if (parsed.Error is not null)
        {
            return context.Usage($"face eval: {parsed.Error}");
        }

        if (parsed.Positionals.Count > 0)
        {
            return context.Usage($"face eval: unexpected argument '{parsed.Positionals[0]}'");
        }

        var pairsFile = parsed.Option("--pairs");
        var imagesDir = parsed.Option("--images");
        if (pairsFile is null || imagesDir is null)
        {
            return context.Usage($"face eval: --pairs and --images are required; usage: pgate {Path} {Usage}");
        }

        var threshold = FaceMatchDefaults.Threshold;
        if (parsed.Option("--threshold") is { } t
            && (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out threshold) || threshold is < 0 or > 1))
        {
            return context.Usage($"face eval: --threshold '{t}' is not a number from 0 to 1");
        }

        if (!File.Exists(pairsFile))
        {
            return context.Usage($"face eval: pairs file not found: {pairsFile}");
        }

        if (!Directory.Exists(imagesDir))
        {
            return context.Usage($"face eval: images folder not found: {imagesDir}");
        }

        var read = FacePairsCsv.Parse(await File.ReadAllTextAsync(pairsFile));
        if (read.Error is not null)
        {
            return context.Usage($"face eval: {pairsFile}: {read.Error}");
        }

        var missing = read.Pairs.SelectMany(p => new[] { p.X, p.Y }).Distinct(StringComparer.Ordinal)
            .Where(f => !File.Exists(System.IO.Path.Combine(imagesDir, f))).ToList();
        if (missing.Count > 0)
        {
            return context.Usage($"face eval: {missing.Count} image(s) named in {pairsFile} are not in {imagesDir}: {string.Join(", ", missing.Take(5))}");
        }

        var ui = parsed.Option("--ui") ?? FindUi();
        if (ui is null || !File.Exists(System.IO.Path.Combine(ui, "face", "eval.html")) || !File.Exists(System.IO.Path.Combine(ui, "lib", "face-api", "face-api.esm.js")))
        {
            return context.Usage($"face eval: no kiosk UI with face/eval.html and lib/ at {ui ?? $"{UiFolderName} beside pgate"}: build kiosk-shell (it copies the npm packages) or pass --ui");
        }

        var asChip = parsed.Flag("--as-chip");
        string[] knownVariants = ["tight", "small", "gray"];
        var variants = parsed.Option("--variants")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (variants.FirstOrDefault(v => !knownVariants.Contains(v, StringComparer.Ordinal)) is { } unknown)
        {
            return context.Usage($"face eval: unknown variant '{unknown}' (use tight, small, gray)");
        }

        var enrolRetry = !parsed.Flag("--no-enrol-retry");
        await using var server = StaticFileServer.Start(new Dictionary<string, string>(StringComparer.Ordinal) { ["ui"] = ui, ["images"] = imagesDir });
        FaceBrowser browser;
        try
        {
            browser = await FaceBrowser.LaunchAsync(parsed.Option("--chromium"));
        }
        catch (Exception ex) when (ex is PlaywrightException or FileNotFoundException or InvalidOperationException)
        {
            return context.Fail($"face eval: Chromium could not start: {ex.Message}");
        }

        await using (browser)
        {
            var page = await browser.Browser.NewPageAsync();
            var pageErrors = new List<string>();
            page.PageError += (_, e) => pageErrors.Add(e);
            await page.GotoAsync(server.Url("ui", "face/eval.html").ToString());
            try
            {
                await page.WaitForFunctionAsync("() => window.faceEval !== undefined", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
            }
            catch (TimeoutException)
            {
                return context.Fail($"face eval: the evaluation page did not load: {string.Join("; ", pageErrors)}");
            }

            var run = await page.EvaluateAsync<JsonElement>(
                "o => window.faceEval.run(o)",
                new { imageBase = server.Url("images", string.Empty).ToString(), asChip, variants, enrolRetry, pairs = read.Pairs.Select(p => new { x = p.X, y = p.Y, same = p.Same }) });
            var scores = run.GetProperty("scores").EnumerateArray()
                .Select(s => (Same: s.GetProperty("same").GetBoolean(), Score: Number(s.GetProperty("score"))))
                .ToList();
            var metrics = FaceMatchMetrics.Compute(scores, threshold);
            var images = run.GetProperty("images");
            var chipSide = images.EnumerateArray().Where(i => i.GetProperty("asChip").GetBoolean()).ToList();
            var failedToEnrol = images.EnumerateArray()
                .Where(i => i.GetProperty("faces").GetInt32() != 1)
                .Select(i => (i.GetProperty("asChip").GetBoolean() ? "chip:" : string.Empty) + i.GetProperty("file").GetString())
                .ToList();

            if (parsed.Option("--plot") is { } plotFile)
            {
                var title = string.Create(CultureInfo.InvariantCulture, $"{metrics.Genuine} genuine / {metrics.Impostor} impostor pairs{(asChip ? ", first image degraded like a chip portrait" : string.Empty)}");
                var png = await page.EvaluateAsync<string>(
                    "o => window.faceEval.plot(o)",
                    new { scores = scores.Select(s => new { same = s.Same, score = s.Score }).ToList(), threshold, title });
                await File.WriteAllBytesAsync(plotFile, Convert.FromBase64String(png[(png.IndexOf(',', StringComparison.Ordinal) + 1)..]));
            }

            var genuineScores = scores.Where(s => s.Same && s.Score.HasValue).Select(s => s.Score!.Value).ToList();
            var impostorScores = scores.Where(s => !s.Same && s.Score.HasValue).Select(s => s.Score!.Value).ToList();
            var showScores = parsed.Flag("--scores");
            context.WriteJson(new
            {
                pairs = metrics.Pairs,
                genuine = metrics.Genuine,
                impostor = metrics.Impostor,
                threshold,
                fnmr = Round(metrics.Fnmr),
                fmr = Round(metrics.Fmr),
                eer = Round(metrics.Eer),
                msPerImage = run.GetProperty("msPerImage").GetInt32(),
                failedToEnrol,
                // Failure-to-enrol rate over the first images of the pairs (the chip side) when they were transformed.
                fte = chipSide.Count == 0 ? (double?)null : Math.Round((double)chipSide.Count(i => i.GetProperty("faces").GetInt32() != 1) / chipSide.Count, 4),
                enrolledByRetry = chipSide.Count(i => i.TryGetProperty("enrolRetry", out var r) && r.ValueKind == JsonValueKind.True),
                variants,
                enrolRetry,
                asChip,
                backend = run.GetProperty("backend").GetString(),
                minGenuine = genuineScores.Count > 0 ? genuineScores.Min() : (double?)null,
                maxImpostor = impostorScores.Count > 0 ? impostorScores.Max() : (double?)null,
                scores = showScores ? run.GetProperty("scores").EnumerateArray().Select(PairScore).ToList() : null,
                images = showScores ? images.EnumerateArray().Select(ImageReport).ToList() : null,
            });
            return 0;
        }
    }

    // Playwright's JsonElement carries "$id" reference markers: copy out only the fields the report promises.
    private static object PairScore(JsonElement s) => new
    {
        x = s.GetProperty("x").GetString(),
        y = s.GetProperty("y").GetString(),
        same = s.GetProperty("same").GetBoolean(),
        score = Number(s.GetProperty("score")),
    };

    private static object ImageReport(JsonElement i)
    {
        var q = i.GetProperty("quality");
        var pose = q.GetProperty("pose");
        var chip = i.GetProperty("chip");
        return new
        {
            file = i.GetProperty("file").GetString(),
            asChip = i.GetProperty("asChip").GetBoolean(),
            faces = i.GetProperty("faces").GetInt32(),
            ms = i.GetProperty("ms").GetInt32(),
            quality = new
            {
                size = Number(q.GetProperty("size")),
                yaw = pose.ValueKind == JsonValueKind.Object ? Number(pose.GetProperty("yaw")) : null,
                roll = pose.ValueKind == JsonValueKind.Object ? Number(pose.GetProperty("roll")) : null,
                sharpness = Number(q.GetProperty("sharpness")),
                exposure = Number(q.GetProperty("exposure")),
                ok = q.GetProperty("ok").GetBoolean(),
                problems = q.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ToList(),
            },
            chip = chip.ValueKind == JsonValueKind.Object
                ? new { bytes = chip.GetProperty("bytes").GetInt32(), jpegQuality = chip.GetProperty("jpegQuality").GetDouble(), width = chip.GetProperty("width").GetInt32(), height = chip.GetProperty("height").GetInt32() }
                : null,
        };
    }

    private static double? Number(JsonElement e) => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : null;

    private static double? Round(double? x) => x is { } v ? Math.Round(v, 4) : null;

    /// <summary>KioskUi beside pgate (the Cli build copies it there), else the source tree's, found upwards.</summary>
    internal static string? FindUi()
    {
        var beside = System.IO.Path.Combine(AppContext.BaseDirectory, UiFolderName);
        if (Directory.Exists(beside))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "kiosk-shell", "PassengerGate.KioskShell", UiFolderName);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
