using PassengerGate.Data.PaymentMeans;
using PassengerGate.Domain.PaymentMeans;

namespace PassengerGate.Cli.Commands;

/// <summary>
/// `pgate currency export --from DATE --to DATE --format csv|xml`: the stored currency declarations of every airport
/// for a range of declaration dates, for the financial intelligence unit (docs/currency-fiu-export.md), on stdout.
/// </summary>
public sealed class CurrencyExportCommand : ICliCommand
{
    public const int MaxDays = 366;

    public string Path => "currency export";

    public string Usage => "--from YYYY-MM-DD --to YYYY-MM-DD --format csv|xml [--db CONNECTION]";

    public string Summary => "Export stored currency declarations for the FIU as CSV or as XML after the EU 2021/776 form (docs/currency-fiu-export.md).";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parsed = CliArgs.Parse(args, ["--db", "--from", "--to", "--format"]);
        if (parsed.Error is not null || parsed.Positionals.Count != 0)
        {
            return context.Usage(parsed.Error ?? $"usage: pgate {Path} {Usage}");
        }

        if (!DateOnly.TryParseExact(parsed.Option("--from"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(parsed.Option("--to"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var to))
        {
            return context.Usage($"currency export: --from and --to are yyyy-MM-dd dates; usage: pgate {Path} {Usage}");
        }

        if (to < from || to.DayNumber - from.DayNumber >= MaxDays)
        {
            return context.Usage($"currency export: --to is on or after --from, at most {MaxDays} days");
        }

        var format = parsed.Option("--format");
        if (format is not ("csv" or "xml"))
        {
            return context.Usage("currency export: --format is csv or xml");
        }

        var db = parsed.Database(context);
        if (db is null)
        {
            return context.Usage("no database: pass --db or set PASSENGERGATE_DB");
        }

        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db);
        var rows = await new CurrencyDeclarationStore(dataSource).LoadRangeAsync(from, to, CancellationToken.None);
        var records = rows.Select(r => r.ToFiuRecord());
        await context.Out.WriteAsync(format == "csv" ? FiuExport.Csv(records) : FiuExport.Xml(records, from, to));
        return 0;
    }
}
