namespace PassengerGate.Cli.Tests;

/// <summary>Runs pgate in-process, as the real entry point does, and captures its streams.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static async Task<Result> RunAsync(params string[] args) => await RunAsync(TimeProvider.System, _ => null, args);

    public static Task<Result> RunAsync(TimeProvider clock, Func<string, string?> env, params string[] args) => RunWithInputAsync(clock, env, null, args);

    public static async Task<Result> RunWithInputAsync(TimeProvider clock, Func<string, string?> env, string? stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = stdin is null ? null : new StringReader(stdin);
        var code = await CliApp.Default.RunAsync(args, new CliContext(stdout, stderr, clock, env, input));
        return new Result(code, stdout.ToString(), stderr.ToString());
    }
}
