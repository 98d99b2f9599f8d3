using PassengerGate.Data.Audit;
using PassengerGate.Data.Staff;
using PassengerGate.Domain.Audit;

namespace PassengerGate.Cli.Commands;

/// <summary>`pgate user reset-password NAME [--password-stdin]`: a new password (generated and printed once, or read from stdin); lifts a lockout. Audited.</summary>
public sealed class UserResetPasswordCommand : ICliCommand
{
    public string Path => "user reset-password";

    public string Usage => "NAME [--password-stdin] [--db CONNECTION]";

    public string Summary => "Set a new password for a staff account (generated and printed once unless --password-stdin); lifts a lockout.";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--db"], ["--password-stdin"]);
        if (parsed.Error is not null || parsed.Positionals.Count != 1)
        {
            return context.Usage(parsed.Error ?? $"usage: pgate user reset-password {Usage}");
        }

        var db = parsed.Database(context);
        if (db is null)
        {
            return context.Usage("no database: pass --db or set PASSENGERGATE_DB");
        }

        var generated = !parsed.Flag("--password-stdin");
        var password = generated ? StaffPasswords.Generate() : (await context.In.ReadLineAsync() ?? "").TrimEnd('\r', '\n');
        if (password.Length < StaffPasswords.MinimumLength)
        {
            return context.Usage($"the password read from stdin is shorter than {StaffPasswords.MinimumLength} characters");
        }

        var name = parsed.Positionals[0];
        var now = context.Clock.GetUtcNow();
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db);
        var store = new StaffStore(dataSource);
        var account = await store.FindAsync(name, CancellationToken.None);
        if (account is null)
        {
            return context.Fail($"user reset-password: no account '{name}'");
        }

        await store.ResetPasswordAsync(name, StaffPasswords.Hash(password), new AuditRecord(now, UserCliSupport.Operator(context), AuditActorKinds.Cli, AuditActions.UserPasswordReset, "staff:" + name, account.Airport, new { }), CancellationToken.None);
        context.WriteJson(new { userName = name, password = generated ? password : null });
        return 0;
    }
}
