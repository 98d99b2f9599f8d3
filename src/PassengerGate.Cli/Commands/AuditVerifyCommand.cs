using PassengerGate.Data.Audit;

namespace PassengerGate.Cli.Commands;

/// <summary>
/// `pgate audit verify`: walks the audit trail and recomputes every row's hash and link. Exit 0 on a
/// clean chain; exit 1 naming the first bad row (altered: its hash no longer matches; deleted: the
/// next row's link or id no longer fits).
/// </summary>
public sealed class AuditVerifyCommand : ICliCommand
{
    public string Path => "audit verify";

    public string Usage => "[--db CONNECTION]";

    public string Summary => "Check the audit trail's hash chain; exit 1 naming the first altered or missing row.";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--db"]);
        if (parsed.Error is not null || parsed.Positionals.Count != 0)
        {
            return context.Usage(parsed.Error ?? "audit verify takes no positional arguments");
        }

        var db = parsed.Database(context);
        if (db is null)
        {
            return context.Usage("no database: pass --db or set PASSENGERGATE_DB");
        }

        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db);
        var result = await new AuditStore(dataSource).VerifyAsync(CancellationToken.None);
        context.WriteJson(new { valid = result.FirstBreak is null, rowsChecked = result.RowsChecked, firstBadRow = result.FirstBreak?.Id, problem = result.FirstBreak?.Problem });
        return result.FirstBreak is null ? 0 : context.Fail($"audit verify: row {result.FirstBreak.Id} is bad: {result.FirstBreak.Problem}");
    }
}
