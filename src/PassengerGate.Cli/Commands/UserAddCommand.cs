using PassengerGate.Data.Audit;
using PassengerGate.Data.Staff;
using PassengerGate.Domain.Audit;
using PassengerGate.Domain.Staff;

namespace PassengerGate.Cli.Commands;

/// <summary>
/// `pgate user add NAME --role ROLE --airport IATA [--terminal T] [--password-stdin]`: creates a staff
/// account. Without --password-stdin a password is generated and printed once; only its hash is kept.
/// The first administrator is made this way. Audited (actor: the operating-system user, kind cli).
/// </summary>
public sealed class UserAddCommand : ICliCommand
{
    public string Path => "user add";

    public string Usage => "NAME --role officer|departure|supervisor|administrator --airport IATA [--terminal T] [--password-stdin] [--db CONNECTION]";

    public string Summary => "Create a staff account (a generated password is printed once unless --password-stdin).";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--db", "--role", "--airport", "--terminal"], ["--password-stdin"]);
        if (parsed.Error is not null || parsed.Positionals.Count != 1)
        {
            return context.Usage(parsed.Error ?? $"usage: pgate user add {Usage}");
        }

        var name = parsed.Positionals[0];
        if (!StaffRoles.IsUserName(name))
        {
            return context.Usage($"'{name}' is not a valid user name (lower-case letters, digits, '.', '_' or '-', at most 64)");
        }

        if (!StaffRoles.TryParse(parsed.Option("--role"), out var role))
        {
            return context.Usage("--role must be officer, departure, supervisor or administrator");
        }

        var airport = parsed.Option("--airport");
        if (!StaffRoles.IsAirport(airport))
        {
            return context.Usage("--airport must be an IATA code of three capital letters, e.g. NRT");
        }

        var db = parsed.Database(context);
        if (db is null)
        {
            return context.Usage("no database: pass --db or set PASSENGERGATE_DB");
        }

        string password;
        var generated = !parsed.Flag("--password-stdin");
        if (generated)
        {
            password = StaffPasswords.Generate();
        }
        else
        {
            password = (await context.In.ReadLineAsync() ?? "").TrimEnd('\r', '\n');
            if (password.Length < StaffPasswords.MinimumLength)
            {
                return context.Usage($"the password read from stdin is shorter than {StaffPasswords.MinimumLength} characters");
            }
        }

        var terminal = parsed.Option("--terminal");
        var now = context.Clock.GetUtcNow();
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db);
        var created = await new StaffStore(dataSource).CreateAsync(
            new StaffStore.NewAccount(name, role.Name(), airport!, terminal, StaffPasswords.Hash(password), now),
            new AuditRecord(now, UserCliSupport.Operator(context), AuditActorKinds.Cli, AuditActions.UserCreated, "staff:" + name, airport, new { role = role.Name(), airport, terminal }),
            CancellationToken.None);
        if (!created)
        {
            return context.Fail($"user add: an account '{name}' exists");
        }

        context.WriteJson(new { userName = name, role = role.Name(), airport, terminal, password = generated ? password : null, createdAt = now });
        return 0;
    }
}
