using System.Text.Json;
using PassengerGate.Cli.Face;
using PassengerGate.TestSupport;

namespace PassengerGate.Cli.Tests;

public sealed class FaceEvalCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("pgate-face-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [FacesFact]
    public async Task Development_pairs_have_no_false_match_and_no_false_non_match_at_the_configured_threshold()
    {
        var plot = Path.Combine(_temp, "scores.png");
        var report = await EvaluateAsync("--plot", plot);

        AssertSeparatedAtThreshold(report);
        // A PNG file starts with the 8-byte signature 89 50 4E 47 0D 0A 1A 0A (RFC 2083 §3.1).
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, File.ReadAllBytes(plot).Take(8).ToArray());
    }

    [FacesFact]
    public async Task Chip_degraded_first_images_still_give_no_false_match_and_no_false_non_match()
    {
        var report = await EvaluateAsync("--as-chip");

        AssertSeparatedAtThreshold(report);
        Assert.True(report.GetProperty("asChip").GetBoolean());
        // The brief for --as-chip: at most 480×640 and about 20 KB, like a passport chip's DG2 JPEG.
        var chips = report.GetProperty("images").EnumerateArray().Where(i => i.GetProperty("asChip").GetBoolean()).ToList();
        Assert.NotEmpty(chips);
        Assert.All(chips, c =>
        {
            var chip = c.GetProperty("chip");
            Assert.InRange(chip.GetProperty("width").GetInt32(), 1, 480);
            Assert.InRange(chip.GetProperty("height").GetInt32(), 1, 640);
            Assert.InRange(chip.GetProperty("bytes").GetInt32(), 1, 20 * 1024);
        });
    }

    [Fact]
    public async Task A_pairs_file_without_the_header_is_bad_input()
    {
        var pairs = Write("pairs.csv", "a.jpg,b.jpg,yes\n");

        var result = await CliRunner.RunAsync("face", "eval", "--pairs", pairs, "--images", _temp);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("header", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_same_cell_other_than_yes_or_no_is_bad_input()
    {
        var pairs = Write("pairs.csv", "file_x,file_y,same\na.jpg,b.jpg,maybe\n");

        var result = await CliRunner.RunAsync("face", "eval", "--pairs", pairs, "--images", _temp);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 2", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_named_in_the_pairs_but_missing_from_the_folder_is_bad_input()
    {
        var pairs = Write("pairs.csv", "file_x,file_y,same\nnobody_1.jpg,nobody_2.jpg,YES\n");

        var result = await CliRunner.RunAsync("face", "eval", "--pairs", pairs, "--images", _temp);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nobody_1.jpg", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_pairs_file_is_bad_input()
    {
        var result = await CliRunner.RunAsync("face", "eval", "--pairs", Path.Combine(_temp, "none.csv"), "--images", _temp);

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task A_browser_that_cannot_start_is_an_operation_failure()
    {
        Write("a.jpg", "not read before the browser starts");
        Write("b.jpg", "not read before the browser starts");
        var pairs = Write("pairs.csv", "file_x,file_y,same\na.jpg,b.jpg,no\n");

        var result = await CliRunner.RunAsync("face", "eval", "--pairs", pairs, "--images", _temp, "--chromium", Path.Combine(_temp, "no-chromium"));

        // CliCommand.cs: exit 1 = the operation failed (as opposed to 2 = bad arguments).
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Chromium", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_rates_follow_the_iso_19795_1_definitions()
    {
        // Hand-worked: 2 genuine (0.5, 0.3) and 3 impostor (0.1, 0.35, 0.2) pairs; accept when score >= t.
        // At t = 0.32: FNMR = genuine rejected / genuine = 1/2; FMR = impostor accepted / impostor = 1/3.
        // Sweeping t: (0.2, 0.3] gives FNMR 0, FMR 1/3 (gap 1/3); (0.3, 0.35] gives 1/2 vs 1/3 (gap 1/6);
        // (0.35, 0.5] gives 1/2 vs 0 (gap 1/2). The rates come closest in (0.3, 0.35], so the EER
        // (ISO/IEC 19795-1: the rate where FNMR and FMR meet) is their mean there, (1/2 + 1/3) / 2 = 5/12.
        var metrics = FaceMatchMetrics.Compute([(true, 0.5), (true, 0.3), (false, 0.1), (false, 0.35), (false, 0.2)], 0.32);

        Assert.Equal(0.5, metrics.Fnmr);
        Assert.Equal(1.0 / 3, metrics.Fmr!.Value, 10);
        Assert.Equal(5.0 / 12, metrics.Eer!.Value, 10);
    }

    [Fact]
    public void A_pair_without_a_usable_face_counts_as_a_non_match()
    {
        // ISO/IEC 19795-1 lets a failure to acquire count against the genuine user: the gate sends them to an officer.
        var metrics = FaceMatchMetrics.Compute([(true, null), (true, 0.9), (false, null)], 0.38);

        Assert.Equal(0.5, metrics.Fnmr);
        Assert.Equal(0.0, metrics.Fmr);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_temp, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<JsonElement> EvaluateAsync(params string[] extra)
    {
        var faces = SharedFaces.RequiredDirectory;
        var result = await CliRunner.RunAsync(
            ["face", "eval", "--pairs", Path.Combine(faces, "pairs.csv"), "--images", faces, "--scores", .. extra]);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        return JsonDocument.Parse(result.Out).RootElement.Clone();
    }

    /// <summary>Recomputes FNMR and FMR from the labels in pairs.csv itself, not from the command's counts.</summary>
    private static void AssertSeparatedAtThreshold(JsonElement report)
    {
        var labels = File.ReadAllLines(Path.Combine(SharedFaces.RequiredDirectory, "pairs.csv")).Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split(','))
            .ToDictionary(c => (c[0], c[1]), c => string.Equals(c[2].Trim(), "yes", StringComparison.OrdinalIgnoreCase));
        var scores = report.GetProperty("scores").EnumerateArray()
            .ToDictionary(s => (s.GetProperty("x").GetString()!, s.GetProperty("y").GetString()!), s => s.GetProperty("score"));
        var threshold = FaceMatchDefaults.Threshold;

        // The faces README: 66 pairs of single-face images, 8 of them genuine.
        Assert.Equal(66, labels.Count);
        Assert.Equal(8, labels.Count(l => l.Value));
        Assert.Equal(labels.Keys.Order(), scores.Keys.Order());
        var falseNonMatches = labels.Where(l => l.Value && !(scores[l.Key].ValueKind == JsonValueKind.Number && scores[l.Key].GetDouble() >= threshold)).Select(l => l.Key).ToList();
        var falseMatches = labels.Where(l => !l.Value && scores[l.Key].ValueKind == JsonValueKind.Number && scores[l.Key].GetDouble() >= threshold).Select(l => l.Key).ToList();
        Assert.Empty(falseNonMatches);
        Assert.Empty(falseMatches);
        Assert.Equal(0.0, report.GetProperty("fnmr").GetDouble());
        Assert.Equal(0.0, report.GetProperty("fmr").GetDouble());
        Assert.Empty(report.GetProperty("failedToEnrol").EnumerateArray());
        Assert.Equal("wasm", report.GetProperty("backend").GetString());
    }
}
