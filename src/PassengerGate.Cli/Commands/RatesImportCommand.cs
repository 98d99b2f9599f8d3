using PassengerGate.Data.Rates;
using PassengerGate.Domain.Currency;

namespace PassengerGate.Cli.Commands;

/// <summary>`pgate rates import FILE.csv`: stores a customs weekly rate table, all or nothing.</summary>
public sealed class RatesImportCommand : ICliCommand
{
    public string Path => "rates import";

    public string Usage => "FILE.csv [--db CONNECTION]";

    public string Summary => $"Import customs weekly rates (header {CustomsRateTable.CsvHeader}); all or nothing, a re-import changes nothing.";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        if (RiskCliSupport.FileAndDb(args, context, Path, Usage, out var exit) is not { } input)
        {
            return exit;
        }

        var (_, file, db) = input;

        var import = CustomsRateTable.FromCsv(await File.ReadAllTextAsync(file));
        if (import.Table is null)
        {
            return RiskCliSupport.Rejected(context, Path, file, import.Errors.Select(e => (e.Line, e.Message)));
        }

        if (import.Table.Rates.Count == 0)
        {
            return RiskCliSupport.Rejected(context, Path, file, [(0, "the file has no rates")]);
        }

        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db);
        try
        {
            var counts = await new RateStore(dataSource).ImportRatesAsync(import.Table, context.Clock.GetUtcNow(), CancellationToken.None);
            var rates = import.Table.Rates;
            context.WriteJson(new
            {
                file,
                rates = rates.Count,
                currencies = rates.Select(r => r.Currency.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal),
                validFrom = rates.Min(r => r.ValidFrom),
                validTo = rates.Max(r => r.ValidTo),
                added = counts.Added,
                changed = counts.Changed,
                unchanged = counts.Unchanged,
            });
            return 0;
        }
        catch (RateOverlapException ex)
        {
            return RiskCliSupport.Rejected(context, Path, file, ex.Overlaps.Select(o => (0, "overlaps a stored rate: " + o)));
        }
    }
}
