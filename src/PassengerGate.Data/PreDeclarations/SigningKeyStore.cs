using Dapper;
using Npgsql;

namespace PassengerGate.Data.PreDeclarations;

/// <summary>
/// The pre-declaration signing keys, private halves included (why the database and not a key folder:
/// docs/decisions/0002-signed-predeclaration-qr.md). Keys are only added, never changed.
/// </summary>
public sealed class SigningKeyStore(NpgsqlDataSource dataSource)
{
    public sealed record SigningKeyRow(
        string Kid,
        int Generation,
        byte[] PrivateKeyPkcs8,
        byte[] PublicKeySpki,
        DateTime NotBefore,
        DateTime SignsUntil,
        DateTime NotAfter,
        DateTime CreatedAt);

    public async Task<IReadOnlyList<SigningKeyRow>> LoadAllAsync(CancellationToken ct)
    {
        const string Sql = """
            SELECT kid AS Kid, generation AS Generation, private_key_pkcs8 AS PrivateKeyPkcs8, public_key_spki AS PublicKeySpki,
                   not_before AS NotBefore, signs_until AS SignsUntil, not_after AS NotAfter, created_at AS CreatedAt
              FROM predeclaration_signing_keys ORDER BY generation
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<SigningKeyRow>(new CommandDefinition(Sql, cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// Stores a key as generation <see cref="SigningKeyRow.Generation"/>; false when another node already
    /// stored that generation (the caller reloads and uses theirs).
    /// </summary>
    public async Task<bool> TryInsertAsync(SigningKeyRow key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        const string Sql = """
            INSERT INTO predeclaration_signing_keys (kid, generation, private_key_pkcs8, public_key_spki, not_before, signs_until, not_after, created_at)
            VALUES (@Kid, @Generation, @PrivateKeyPkcs8, @PublicKeySpki, @NotBefore, @SignsUntil, @NotAfter, @CreatedAt)
            ON CONFLICT (generation) DO NOTHING
            """;
        var parameters = new
        {
            key.Kid,
            key.Generation,
            key.PrivateKeyPkcs8,
            key.PublicKeySpki,
            NotBefore = AsUtc(key.NotBefore),
            SignsUntil = AsUtc(key.SignsUntil),
            NotAfter = AsUtc(key.NotAfter),
            CreatedAt = AsUtc(key.CreatedAt),
        };
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(Sql, parameters, cancellationToken: ct)) == 1;
    }

    // Npgsql writes timestamptz only from UTC DateTimes; rows read back are UTC already.
    private static DateTime AsUtc(DateTime value) =>
        value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
