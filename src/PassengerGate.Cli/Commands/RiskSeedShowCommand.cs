using PassengerGate.Data.Risk;

namespace PassengerGate.Cli.Commands;

/// <summary>`pgate risk seed show [--as-of DATE]`: the random-selection seed in force on a day; never its secret.</summary>
public sealed class RiskSeedShowCommand : ICliCommand
{
    public string Path => "risk seed show";

    public string Usage => "[--as-of YYYY-MM-DD] [--db CONNECTION]";

    public string Summary => "Show the random-selection seed in force on a day (default today, UTC): id, dates and fingerprint; seedId null when none.";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--db", "--as-of"]);
        if (parsed.Error is not null || parsed.Positionals.Count != 0)
        {
            return context.Usage(parsed.Error ?? $"usage: pgate {Path} {Usage}");
        }

        if (parsed.AsOf(context, "risk seed show", out var asOfError) is not { } asOf)
        {
            return context.Usage(asOfError!);
        }

        var db = parsed.Database(context);
        if (db is null)
        {
            return context.Usage("no database: pass --db or set PASSENGERGATE_DB");
        }

        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db);
        var seed = await new RiskDataStore(dataSource).CurrentSeedAsync(asOf, CancellationToken.None);
        context.WriteJson(new { asOf, seedId = seed?.Id, validFrom = seed?.ValidFrom, validTo = seed?.ValidTo, fingerprint = seed?.Fingerprint });
        return 0;
    }
}
