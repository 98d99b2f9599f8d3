using PassengerGate.Data.Risk;
using PassengerGate.Domain.Risk;

namespace PassengerGate.Cli.Commands;

/// <summary>`pgate apis import FILE.csv`: stores advance passenger records; importing the same manifest again changes nothing.</summary>
public sealed class ApisImportCommand : ICliCommand
{
    public string Path => "apis import";

    public string Usage => "FILE.csv [--db CONNECTION]";

    public string Summary => $"Import an APIS manifest (header {AdvancePassengerCsv.Header}); all or nothing, one row per flight, date and document.";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        if (RiskCliSupport.FileAndDb(args, context, Path, Usage, out var exit) is not { } input)
        {
            return exit;
        }

        var (_, file, db) = input;

        var import = AdvancePassengerCsv.Parse(await File.ReadAllTextAsync(file));
        if (!import.Succeeded)
        {
            return RiskCliSupport.Rejected(context, Path, file, RiskCliSupport.Lines(import.Errors));
        }

        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db);
        var counts = await new RiskDataStore(dataSource).ImportApisAsync(import.Records, context.Clock.GetUtcNow(), CancellationToken.None);
        context.WriteJson(new
        {
            file,
            records = import.Records.Count,
            flights = import.Records.GroupBy(r => (r.Flight, r.Date)).Select(g => new { flight = g.Key.Flight, date = g.Key.Date, passengers = g.Count() }),
            added = counts.Added,
            changed = counts.Changed,
            unchanged = counts.Unchanged,
        });
        return 0;
    }
}
