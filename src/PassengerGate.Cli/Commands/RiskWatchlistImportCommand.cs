using PassengerGate.Data.Risk;
using PassengerGate.Domain.Risk;

namespace PassengerGate.Cli.Commands;

/// <summary>`pgate risk watchlist import FILE.csv`: adds or updates watchlist and lost/stolen entries.</summary>
public sealed class RiskWatchlistImportCommand : ICliCommand
{
    public string Path => "risk watchlist import";

    public string Usage => "FILE.csv [--db CONNECTION]";

    public string Summary => $"Import watchlist and lost/stolen document entries (header {WatchlistCsv.Header}); all or nothing.";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        if (RiskCliSupport.FileAndDb(args, context, Path, Usage, out var exit) is not { } input)
        {
            return exit;
        }

        var (_, file, db) = input;

        var import = WatchlistCsv.Parse(await File.ReadAllTextAsync(file));
        if (!import.Succeeded)
        {
            return RiskCliSupport.Rejected(context, Path, file, RiskCliSupport.Lines(import.Errors));
        }

        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db);
        var counts = await new RiskDataStore(dataSource).UpsertWatchlistEntriesAsync(import.Entries, context.Clock.GetUtcNow(), CancellationToken.None);
        context.WriteJson(new
        {
            file,
            entries = import.Entries.Count,
            watchlist = import.Entries.Count(e => e.Kind == WatchlistKind.Watchlist),
            lostStolen = import.Entries.Count(e => e.Kind == WatchlistKind.LostStolen),
            added = counts.Added,
            changed = counts.Changed,
            unchanged = counts.Unchanged,
        });
        return 0;
    }
}
