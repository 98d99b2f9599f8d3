using PassengerGate.Cli.Commands;

namespace PassengerGate.Cli.Tests;

public sealed class FacePadEvalCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("pgate-pad-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task A_video_list_without_the_header_is_bad_input()
    {
        var list = Path.Combine(_temp, "videos.csv");
        await File.WriteAllTextAsync(list, "a.y4m,attack\n");

        var result = await CliRunner.RunAsync("face", "pad-eval", "--videos", list);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("header", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_label_other_than_attack_or_bonafide_is_bad_input()
    {
        var list = Path.Combine(_temp, "videos.csv");
        await File.WriteAllTextAsync(list, "video,label\na.y4m,live\n");

        var result = await CliRunner.RunAsync("face", "pad-eval", "--videos", list);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("attack or bonafide", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_resolve_relative_to_the_list_and_keep_species_and_chip()
    {
        var (videos, error) = PadVideosCsv.Parse("video,label,species,chip\nclips/a.y4m,attack,StillPhoto,../faces/x.jpg\nb.y4m,bonafide\n", "/data/pad");

        Assert.Null(error);
        Assert.Equal(new PadVideo("/data/pad/clips/a.y4m", true, "StillPhoto", "/data/faces/x.jpg"), videos[0]);
        Assert.Equal(new PadVideo("/data/pad/b.y4m", false, null, null), videos[1]);
    }
}
