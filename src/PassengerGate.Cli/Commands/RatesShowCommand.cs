using PassengerGate.Data.Rates;

namespace PassengerGate.Cli.Commands;

/// <summary>`pgate rates show [--as-of DATE]`: the customs weekly rates in force on a day (today by default).</summary>
public sealed class RatesShowCommand : ICliCommand
{
    public string Path => "rates show";

    public string Usage => "[--as-of YYYY-MM-DD] [--db CONNECTION]";

    public string Summary => "Show the customs weekly rates in force on a day (default today, UTC).";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--db", "--as-of"]);
        if (parsed.Error is not null || parsed.Positionals.Count != 0)
        {
            return context.Usage(parsed.Error ?? $"usage: pgate {Path} {Usage}");
        }

        if (parsed.AsOf(context, "rates show", out var asOfError) is not { } asOf)
        {
            return context.Usage(asOfError!);
        }

        var db = parsed.Database(context);
        if (db is null)
        {
            return context.Usage("no database: pass --db or set PASSENGERGATE_DB");
        }

        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db);
        var table = await new RateStore(dataSource).LoadRateTableAsync(asOf, CancellationToken.None);
        context.WriteJson(new
        {
            asOf,
            rates = table.Rates.Select(r => new { currency = r.Currency.Value, validFrom = r.ValidFrom, validTo = r.ValidTo, yenPerUnit = r.YenPerUnit, source = r.Source }),
        });
        return 0;
    }
}
