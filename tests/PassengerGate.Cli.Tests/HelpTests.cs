namespace PassengerGate.Cli.Tests;

public class HelpTests
{
    [Fact]
    public async Task Help_lists_every_command_and_exits_0()
    {
        var result = await CliRunner.RunAsync("--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var command in CliApp.Default.Commands)
        {
            Assert.Contains($"pgate {command.Path}", result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_command_exits_2_with_a_message_on_stderr()
    {
        var result = await CliRunner.RunAsync("frobnicate");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown command", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }
}
