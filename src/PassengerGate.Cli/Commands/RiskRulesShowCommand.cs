using System.Text.Json;
using PassengerGate.Data.Risk;
using PassengerGate.Domain.Risk;

namespace PassengerGate.Cli.Commands;

/// <summary>`pgate risk rules show`: the rules document in force, with its version.</summary>
public sealed class RiskRulesShowCommand : ICliCommand
{
    public string Path => "risk rules show";

    public string Usage => "[--db CONNECTION]";

    public string Summary => "Show the risk rules in force and their version (version null when none were set).";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--db"]);
        if (parsed.Error is not null || parsed.Positionals.Count != 0)
        {
            return context.Usage(parsed.Error ?? "risk rules show takes no positional arguments");
        }

        var db = parsed.Database(context);
        if (db is null)
        {
            return context.Usage("no database: pass --db or set PASSENGERGATE_DB");
        }

        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db);
        var stored = await new RiskDataStore(dataSource).LoadRulesAsync(CancellationToken.None);
        using var document = stored is null ? null : JsonDocument.Parse(RiskRulesJson.Write(stored.RuleSet));
        context.WriteJson(new
        {
            version = stored?.Version,
            savedAt = stored?.SavedAt,
            document = document?.RootElement,
        });
        return 0;
    }
}
