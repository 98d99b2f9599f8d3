using Dapper;
using Npgsql;

namespace PassengerGate.Data.PreDeclarations;

/// <summary>Pre-declarations issued to phones: stored with their signed QR text, marked when used, purged when not.</summary>
public sealed class PreDeclarationStore(NpgsqlDataSource dataSource)
{
    public sealed record NewPreDeclaration(
        Guid PreDeclarationId,
        string? GroupId,
        string DeclarationJson,
        string QrText,
        string Kid,
        DateTimeOffset IssuedAt,
        DateTimeOffset ExpiresAt)
    {
        /// <summary>"arrival" or "currency" (migration 0190): which schema <see cref="DeclarationJson"/> follows.</summary>
        public string Kind { get; init; } = "arrival";
    }

    public sealed record PreDeclarationRow(
        Guid PreDeclarationId,
        string? GroupId,
        string DeclarationJson,
        string QrText,
        string Kid,
        DateTime IssuedAt,
        DateTime ExpiresAt,
        DateTime? UsedAt);

    public async Task InsertAsync(NewPreDeclaration p, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(p);
        const string Sql = """
            INSERT INTO predeclarations (predeclaration_id, group_id, declaration, qr_text, kid, issued_at, expires_at, kind)
            VALUES (@PreDeclarationId, @GroupId, CAST(@DeclarationJson AS jsonb), @QrText, @Kid, @IssuedAt, @ExpiresAt, @Kind)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Sql, p, cancellationToken: ct));
    }

    public async Task<PreDeclarationRow?> FindAsync(Guid preDeclarationId, CancellationToken ct)
    {
        const string Sql = """
            SELECT predeclaration_id AS PreDeclarationId, group_id AS GroupId, declaration::text AS DeclarationJson,
                   qr_text AS QrText, kid AS Kid, issued_at AS IssuedAt, expires_at AS ExpiresAt, used_at AS UsedAt
              FROM predeclarations WHERE predeclaration_id = @preDeclarationId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<PreDeclarationRow>(new CommandDefinition(Sql, new { preDeclarationId }, cancellationToken: ct));
    }

    /// <summary>
    /// The QR text of the newest arrival pre-declaration for <paramref name="passportNumber"/> that is neither used nor
    /// expired at <paramref name="now"/> (decision 0027); null when there is none.
    /// </summary>
    public async Task<string?> FindUnusedForPassportAsync(string passportNumber, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            SELECT qr_text FROM predeclarations
             WHERE kind = 'arrival' AND used_at IS NULL AND expires_at > @now
               AND upper(declaration->'header'->>'passportNumber') = upper(@passportNumber)
             ORDER BY issued_at DESC
             LIMIT 1
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(Sql, new { passportNumber, now }, cancellationToken: ct));
    }

    /// <summary>Marks a pre-declaration as taken into an arrival session; false when it is unknown (purged) or already used.</summary>
    public async Task<bool> MarkUsedAsync(Guid preDeclarationId, DateTimeOffset at, CancellationToken ct)
    {
        const string Sql = "UPDATE predeclarations SET used_at = @at WHERE predeclaration_id = @preDeclarationId AND used_at IS NULL";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(Sql, new { preDeclarationId, at }, cancellationToken: ct)) == 1;
    }

    /// <summary>
    /// Deletes the pre-declarations used by a kiosk before <paramref name="usedBefore"/>; returns how many. The
    /// declaration itself lives on in the arrival session's facts until that session's own purge.
    /// </summary>
    public async Task<int> DeleteUsedBeforeAsync(DateTimeOffset usedBefore, CancellationToken ct)
    {
        const string Sql = "DELETE FROM predeclarations WHERE used_at IS NOT NULL AND used_at < @usedBefore";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(Sql, new { usedBefore }, cancellationToken: ct));
    }

    /// <summary>Deletes the unused pre-declarations whose QR expired before <paramref name="expiredBefore"/>; returns how many.</summary>
    public async Task<int> DeleteUnusedExpiredBeforeAsync(DateTimeOffset expiredBefore, CancellationToken ct)
    {
        const string Sql = "DELETE FROM predeclarations WHERE used_at IS NULL AND expires_at < @expiredBefore";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(Sql, new { expiredBefore }, cancellationToken: ct));
    }
}
