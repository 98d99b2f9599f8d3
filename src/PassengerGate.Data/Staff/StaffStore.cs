using Dapper;
using Npgsql;
using PassengerGate.Data.Audit;

namespace PassengerGate.Data.Staff;

/// <summary>
/// Staff accounts: role, airport scope, password hash, lockout. Every change is written together
/// with its audit record, in one transaction.
/// </summary>
public sealed class StaffStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        user_name AS UserName, role AS Role, airport AS Airport, terminal AS Terminal, password_hash AS PasswordHash,
        created_at AS CreatedAt, disabled_at AS DisabledAt, failed_sign_ins AS FailedSignIns, locked_until AS LockedUntil,
        security_stamp AS SecurityStamp
        """;

    public sealed record StaffRow(
        string UserName,
        string Role,
        string Airport,
        string? Terminal,
        string PasswordHash,
        DateTime CreatedAt,
        DateTime? DisabledAt,
        int FailedSignIns,
        DateTime? LockedUntil,
        Guid SecurityStamp);

    public sealed record NewAccount(string UserName, string Role, string Airport, string? Terminal, string PasswordHash, DateTimeOffset At);

    public sealed record FailedSignIn(int FailedSignIns, DateTime? LockedUntil);

    public async Task<StaffRow?> FindAsync(string userName, CancellationToken ct)
    {
        const string Sql = $"SELECT {Columns} FROM staff_accounts WHERE user_name = @userName";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<StaffRow>(new CommandDefinition(Sql, new { userName }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<StaffRow>> ListAsync(string? airport, CancellationToken ct)
    {
        const string Sql = $"SELECT {Columns} FROM staff_accounts WHERE (@airport IS NULL OR airport = @airport) ORDER BY user_name";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<StaffRow>(new CommandDefinition(Sql, new { airport }, cancellationToken: ct))).AsList();
    }

    /// <summary>Creates an account; false (and nothing written) when the name is taken.</summary>
    public async Task<bool> CreateAsync(NewAccount account, AuditRecord audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        const string Sql = """
            INSERT INTO staff_accounts (user_name, role, airport, terminal, password_hash, created_at, security_stamp)
            VALUES (@UserName, @Role, @Airport, @Terminal, @PasswordHash, @At, @stamp)
            ON CONFLICT (user_name) DO NOTHING
            """;
        return await WriteAsync(Sql, new { account.UserName, account.Role, account.Airport, account.Terminal, account.PasswordHash, account.At, stamp = Guid.NewGuid() }, audit, ct);
    }

    /// <summary>Disables (or enables again) an account; a disabled account's open sessions end on their next request.</summary>
    public async Task<bool> SetDisabledAsync(string userName, bool disabled, DateTimeOffset at, AuditRecord audit, CancellationToken ct)
    {
        const string Sql = """
            UPDATE staff_accounts
               SET disabled_at = CASE WHEN @disabled THEN COALESCE(disabled_at, @at) ELSE NULL END,
                   security_stamp = @stamp
             WHERE user_name = @userName
            """;
        return await WriteAsync(Sql, new { userName, disabled, at, stamp = Guid.NewGuid() }, audit, ct);
    }

    /// <summary>Sets a new password and lifts a lockout; open sessions of the account end.</summary>
    public async Task<bool> ResetPasswordAsync(string userName, string passwordHash, AuditRecord audit, CancellationToken ct)
    {
        const string Sql = """
            UPDATE staff_accounts
               SET password_hash = @passwordHash, failed_sign_ins = 0, locked_until = NULL, security_stamp = @stamp
             WHERE user_name = @userName
            """;
        return await WriteAsync(Sql, new { userName, passwordHash, stamp = Guid.NewGuid() }, audit, ct);
    }

    /// <summary>Counts a failed sign-in; at <paramref name="maxFailures"/> in a row the account locks for <paramref name="lockout"/>.</summary>
    public async Task<FailedSignIn?> RecordFailedSignInAsync(string userName, DateTimeOffset at, int maxFailures, TimeSpan lockout, CancellationToken ct)
    {
        const string Sql = """
            UPDATE staff_accounts
               SET failed_sign_ins = failed_sign_ins + 1,
                   locked_until = CASE WHEN failed_sign_ins + 1 >= @maxFailures THEN @until ELSE locked_until END
             WHERE user_name = @userName
            RETURNING failed_sign_ins AS FailedSignIns, locked_until AS LockedUntil
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<FailedSignIn>(new CommandDefinition(Sql, new { userName, maxFailures, until = at + lockout }, cancellationToken: ct));
    }

    /// <summary>Signing out ends every open session of the account (a copied cookie stops working too).</summary>
    public async Task EndSessionsAsync(string userName, CancellationToken ct)
    {
        const string Sql = "UPDATE staff_accounts SET security_stamp = @stamp WHERE user_name = @userName";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new { userName, stamp = Guid.NewGuid() }, cancellationToken: ct));
    }

    public async Task RecordSignInAsync(string userName, CancellationToken ct)
    {
        const string Sql = "UPDATE staff_accounts SET failed_sign_ins = 0, locked_until = NULL WHERE user_name = @userName";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new { userName }, cancellationToken: ct));
    }

    private async Task<bool> WriteAsync(string sql, object parameters, AuditRecord audit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(sql, parameters, tx, cancellationToken: ct)) != 1)
        {
            return false;
        }

        await AuditStore.AppendAsync(connection, tx, audit, ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
