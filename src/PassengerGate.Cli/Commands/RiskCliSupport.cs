using System.Globalization;
using PassengerGate.Domain.Risk;

namespace PassengerGate.Cli.Commands;

/// <summary>What the risk, APIS and rates commands share: argument checks, reading the input file, reporting its errors.</summary>
internal static class RiskCliSupport
{
    /// <summary>The one FILE argument and the database; null (with the exit code set) when either is missing.</summary>
    public static (CliArgs Args, string File, string Db)? FileAndDb(IReadOnlyList<string> args, CliContext context, string path, string usage, out int exitCode)
    {
        var parsed = CliArgs.Parse(args, ["--db"]);
        exitCode = 0;
        if (parsed.Error is not null || parsed.Positionals.Count != 1)
        {
            exitCode = context.Usage(parsed.Error ?? $"usage: pgate {path} {usage}");
            return null;
        }

        var file = parsed.Positionals[0];
        if (!File.Exists(file))
        {
            exitCode = context.Usage($"{path}: file not found: {file}");
            return null;
        }

        var db = parsed.Database(context);
        if (db is null)
        {
            exitCode = context.Usage("no database: pass --db or set PASSENGERGATE_DB");
            return null;
        }

        return (parsed, file, db);
    }

    /// <summary>Writes each error as "pgate: FILE:LINE: message" and returns exit code 2: nothing was imported.</summary>
    public static int Rejected(CliContext context, string path, string file, IEnumerable<(int Line, string Message)> errors)
    {
        var count = 0;
        foreach (var (line, message) in errors)
        {
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pgate: {file}:{line}: {message}"));
            count++;
        }

        return context.Usage(string.Create(CultureInfo.InvariantCulture, $"{path}: {file} has {count} error(s); nothing was imported"));
    }

    public static IEnumerable<(int, string)> Lines(IEnumerable<CsvError> errors) => errors.Select(e => (e.Line, e.Message));
}
