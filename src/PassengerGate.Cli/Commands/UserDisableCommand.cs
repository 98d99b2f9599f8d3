using PassengerGate.Data.Audit;
using PassengerGate.Data.Staff;
using PassengerGate.Domain.Audit;

namespace PassengerGate.Cli.Commands;

/// <summary>`pgate user disable NAME [--enable]`: disables an account (its open sessions end) or enables it again. Audited.</summary>
public sealed class UserDisableCommand : ICliCommand
{
    public string Path => "user disable";

    public string Usage => "NAME [--enable] [--db CONNECTION]";

    public string Summary => "Disable a staff account (open sessions end at once), or enable it again with --enable.";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--db"], ["--enable"]);
        if (parsed.Error is not null || parsed.Positionals.Count != 1)
        {
            return context.Usage(parsed.Error ?? $"usage: pgate user disable {Usage}");
        }

        var db = parsed.Database(context);
        if (db is null)
        {
            return context.Usage("no database: pass --db or set PASSENGERGATE_DB");
        }

        var name = parsed.Positionals[0];
        var disabled = !parsed.Flag("--enable");
        var now = context.Clock.GetUtcNow();
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db);
        var store = new StaffStore(dataSource);
        var account = await store.FindAsync(name, CancellationToken.None);
        if (account is null)
        {
            return context.Fail($"user disable: no account '{name}'");
        }

        await store.SetDisabledAsync(name, disabled, now, new AuditRecord(now, UserCliSupport.Operator(context), AuditActorKinds.Cli, disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, "staff:" + name, account.Airport, new { }), CancellationToken.None);
        context.WriteJson(new { userName = name, disabled });
        return 0;
    }
}
