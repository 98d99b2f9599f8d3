using Dapper;
using Npgsql;

namespace PassengerGate.Data.Arrival;

/// <summary>The per-session Chip Authentication session keys the service agreed (migration 0060).</summary>
public sealed class ChipAuthenticationKeyStore(NpgsqlDataSource dataSource)
{
    public sealed record Row(string Algorithm, byte[] EncryptionKey, byte[] MacKey, byte[] Dg14Hash);

    /// <summary>Stores the keys of the latest key agreement: a kiosk that asks again (a retry) gets a fresh agreement, and only that one verifies.</summary>
    public async Task SaveAsync(Guid sessionId, Row keys, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keys);
        const string Upsert = """
            INSERT INTO session_chip_authentications (session_id, algorithm, encryption_key, mac_key, dg14_hash, issued_at)
            VALUES (@sessionId, @Algorithm, @EncryptionKey, @MacKey, @Dg14Hash, @at)
            ON CONFLICT (session_id) DO UPDATE SET algorithm = excluded.algorithm, encryption_key = excluded.encryption_key,
                mac_key = excluded.mac_key, dg14_hash = excluded.dg14_hash, issued_at = excluded.issued_at
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Upsert, new { sessionId, keys.Algorithm, keys.EncryptionKey, keys.MacKey, keys.Dg14Hash, at }, cancellationToken: ct));
    }

    public async Task<Row?> FindAsync(Guid sessionId, CancellationToken ct)
    {
        const string Select = """
            SELECT algorithm AS Algorithm, encryption_key AS EncryptionKey, mac_key AS MacKey, dg14_hash AS Dg14Hash
            FROM session_chip_authentications WHERE session_id = @sessionId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Select, new { sessionId }, cancellationToken: ct));
    }
}
