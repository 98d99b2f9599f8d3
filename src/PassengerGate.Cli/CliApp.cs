namespace PassengerGate.Cli;

/// <summary>Dispatches `pgate WORDS... ARGS...` to the command whose path matches the most words.</summary>
public sealed class CliApp(IReadOnlyList<ICliCommand> commands)
{
    public static CliApp Default { get; } = new(
    [
        // One line per command; the command's file holds everything else.
        new Commands.DbMigrateCommand(),
        new Commands.KioskRegisterCommand(),
        new Commands.KioskRevokeCommand(),
        new Commands.KioskListCommand(),
        new Commands.UserAddCommand(),
        new Commands.UserDisableCommand(),
        new Commands.UserListCommand(),
        new Commands.UserResetPasswordCommand(),
        new Commands.AuditVerifyCommand(),
        new Commands.ArrivalAssessCommand(),
        new Commands.CurrencyAssessCommand(),
        new Commands.CurrencyExportCommand(),
        new Commands.MrzCommand(),
        new Commands.IcaoBacKeysCommand(),
        new Commands.ChipReadCommand(),
        new Commands.ChipReadersCommand(),
        new Commands.FaceEvalCommand(),
        new Commands.FacePadClipsCommand(),
        new Commands.FacePadEvalCommand(),
        new Commands.RatesImportCommand(),
        new Commands.RatesShowCommand(),
        new Commands.ApisImportCommand(),
        new Commands.RiskWatchlistImportCommand(),
        new Commands.RiskRulesSetCommand(),
        new Commands.RiskRulesShowCommand(),
        new Commands.RiskSeedRotateCommand(),
        new Commands.RiskSeedShowCommand(),
        new Commands.ShopAddCommand(),
        new Commands.ShopRevokeCommand(),
        new Commands.ShopListCommand(),
        new Commands.TaxFreeCheckCommand(),
        new Commands.TaxFreeImportCommand(),
        new Commands.LoadCommand(),
    ]);

    public IReadOnlyList<ICliCommand> Commands => commands;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            PrintHelp(context.Out);
            return args.Count == 0 ? 2 : 0;
        }

        ICliCommand? best = null;
        var bestWords = 0;
        foreach (var command in commands)
        {
            var words = command.Path.Split(' ');
            if (words.Length <= args.Count && words.Length > bestWords && words.Select((w, i) => w == args[i]).All(x => x))
            {
                best = command;
                bestWords = words.Length;
            }
        }

        if (best is null)
        {
            return context.Usage($"unknown command '{string.Join(' ', args)}'; see pgate --help");
        }

        var rest = args.Skip(bestWords).ToList();
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            context.Out.WriteLine($"usage: pgate {best.Path} {best.Usage}");
            context.Out.WriteLine(best.Summary);
            return 0;
        }

        try
        {
            return await best.RunAsync(rest, context);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return context.Fail($"{best.Path}: {ex.Message}");
        }
    }

    private void PrintHelp(TextWriter output)
    {
        output.WriteLine("pgate — PassengerGate operator and diagnostic commands (JSON on stdout)");
        output.WriteLine();
        foreach (var command in commands.OrderBy(c => c.Path, StringComparer.Ordinal))
        {
            output.WriteLine($"  pgate {command.Path} {command.Usage}");
            output.WriteLine($"      {command.Summary}");
        }

        output.WriteLine();
        output.WriteLine("Exit codes: 0 done, 1 the operation failed, 2 bad arguments or unreadable input.");
        output.WriteLine("Database commands read PASSENGERGATE_DB (an Npgsql connection string) or --db.");
    }
}
