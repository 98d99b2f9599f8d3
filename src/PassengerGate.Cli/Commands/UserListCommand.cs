using PassengerGate.Data.Staff;

namespace PassengerGate.Cli.Commands;

/// <summary>`pgate user list [--airport IATA]`: staff accounts with role, scope and state; never a password or hash.</summary>
public sealed class UserListCommand : ICliCommand
{
    public string Path => "user list";

    public string Usage => "[--airport IATA] [--db CONNECTION]";

    public string Summary => "List staff accounts: role, airport, terminal, disabled or locked.";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--db", "--airport"]);
        if (parsed.Error is not null || parsed.Positionals.Count != 0)
        {
            return context.Usage(parsed.Error ?? "user list takes no positional arguments");
        }

        var db = parsed.Database(context);
        if (db is null)
        {
            return context.Usage("no database: pass --db or set PASSENGERGATE_DB");
        }

        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db);
        var rows = await new StaffStore(dataSource).ListAsync(parsed.Option("--airport"), CancellationToken.None);
        var now = context.Clock.GetUtcNow();
        context.WriteJson(new
        {
            users = rows.Select(a => new
            {
                userName = a.UserName,
                role = a.Role,
                airport = a.Airport,
                terminal = a.Terminal,
                disabled = a.DisabledAt is not null,
                lockedUntil = a.LockedUntil is { } l && new DateTimeOffset(l, TimeSpan.Zero) > now ? new DateTimeOffset(l, TimeSpan.Zero) : (DateTimeOffset?)null,
                createdAt = new DateTimeOffset(a.CreatedAt, TimeSpan.Zero),
            }),
        });
        return 0;
    }
}
