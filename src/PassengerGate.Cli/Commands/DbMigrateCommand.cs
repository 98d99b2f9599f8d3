using PassengerGate.Data;

namespace PassengerGate.Cli.Commands;

/// <summary>`pgate db migrate`: applies the numbered migration scripts not yet applied.</summary>
public sealed class DbMigrateCommand : ICliCommand
{
    public string Path => "db migrate";

    public string Usage => "[--db CONNECTION]";

    public string Summary => "Apply pending schema migrations (creates the database if missing). Prints the scripts applied.";

    public Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--db"]);
        if (parsed.Error is not null || parsed.Positionals.Count != 0)
        {
            return Task.FromResult(context.Usage(parsed.Error ?? "db migrate takes no positional arguments"));
        }

        var db = parsed.Database(context);
        if (db is null)
        {
            return Task.FromResult(context.Usage("no database: pass --db or set PASSENGERGATE_DB"));
        }

        var outcome = DatabaseMigrator.Migrate(db);
        if (!outcome.Successful)
        {
            return Task.FromResult(context.Fail($"migration failed: {outcome.Error}"));
        }

        context.WriteJson(new { applied = outcome.Applied });
        return Task.FromResult(0);
    }
}
