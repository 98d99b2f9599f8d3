namespace PassengerGate.Cli.Commands;

/// <summary>What the `pgate user` commands share.</summary>
internal static class UserCliSupport
{
    /// <summary>The audit trail's actor for a command-line act: the operating-system account that ran it.</summary>
    public static string Operator(CliContext context) =>
        "cli:" + (context.Env("USER") ?? context.Env("LOGNAME") ?? "unknown");
}
