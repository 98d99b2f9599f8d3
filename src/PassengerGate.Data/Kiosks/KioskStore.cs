using Dapper;
using Npgsql;
using PassengerGate.Data.Caching;

namespace PassengerGate.Data.Kiosks;

/// <summary>
/// Registered kiosks: their credential hashes, revocation and last-known health. With a <see cref="ReferenceDataCache"/>
/// (the service) the credential check on every hub call is served from memory until the kiosks table changes.
/// </summary>
public sealed class KioskStore(NpgsqlDataSource dataSource, ReferenceDataCache? cache = null)
{
    private const string CacheTable = "kiosks";

    public sealed record KioskRow(string KioskId, string Location, DateTime RegisteredAt, DateTime? RevokedAt, DateTime? LastSeenAt, string Status, string Devices, string Airport);

    public sealed record CredentialRow(byte[] CredentialHash, DateTime? RevokedAt);

    /// <summary>Registers a kiosk, or gives it a new credential when it exists (re-registration un-revokes it).</summary>
    public async Task RegisterAsync(string kioskId, byte[] credentialHash, string location, DateTimeOffset at, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO kiosks (kiosk_id, credential_hash, location, registered_at)
            VALUES (@kioskId, @credentialHash, @location, @at)
            ON CONFLICT (kiosk_id) DO UPDATE
               SET credential_hash = EXCLUDED.credential_hash, location = EXCLUDED.location,
                   registered_at = EXCLUDED.registered_at, revoked_at = NULL
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new { kioskId, credentialHash, location, at }, cancellationToken: ct));
        cache?.Invalidate(CacheTable);
    }

    /// <summary>Registers a kiosk at an airport (IATA code), as <see cref="RegisterAsync(string, byte[], string, DateTimeOffset, CancellationToken)"/> does otherwise.</summary>
    public async Task RegisterAsync(string kioskId, byte[] credentialHash, string location, string airport, DateTimeOffset at, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO kiosks (kiosk_id, credential_hash, location, airport, registered_at)
            VALUES (@kioskId, @credentialHash, @location, @airport, @at)
            ON CONFLICT (kiosk_id) DO UPDATE
               SET credential_hash = EXCLUDED.credential_hash, location = EXCLUDED.location, airport = EXCLUDED.airport,
                   registered_at = EXCLUDED.registered_at, revoked_at = NULL
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new { kioskId, credentialHash, location, airport, at }, cancellationToken: ct));
        cache?.Invalidate(CacheTable);
    }

    /// <summary>The airport a kiosk stands at; null when no such kiosk is registered.</summary>
    public Task<string?> FindAirportAsync(string kioskId, CancellationToken ct) =>
        cache is null ? ReadAirportAsync(kioskId, ct) : cache.GetAsync(CacheTable, "airport:" + kioskId, c => ReadAirportAsync(kioskId, c), ct);

    private async Task<string?> ReadAirportAsync(string kioskId, CancellationToken ct)
    {
        const string Sql = "SELECT airport FROM kiosks WHERE kiosk_id = @kioskId";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(Sql, new { kioskId }, cancellationToken: ct));
    }

    /// <summary>Revokes a kiosk; false when no such kiosk is registered.</summary>
    public async Task<bool> RevokeAsync(string kioskId, DateTimeOffset at, CancellationToken ct)
    {
        const string Sql = "UPDATE kiosks SET revoked_at = COALESCE(revoked_at, @at), status = 'revoked' WHERE kiosk_id = @kioskId";
        bool revoked;
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            revoked = await connection.ExecuteAsync(new CommandDefinition(Sql, new { kioskId, at }, cancellationToken: ct)) == 1;
        }

        cache?.Invalidate(CacheTable);
        return revoked;
    }

    /// <summary>A kiosk's credential hash and revocation time; null when no such kiosk is registered.</summary>
    public Task<CredentialRow?> FindCredentialAsync(string kioskId, CancellationToken ct) =>
        cache is null ? ReadCredentialAsync(kioskId, ct) : cache.GetAsync(CacheTable, kioskId, c => ReadCredentialAsync(kioskId, c), ct);

    private async Task<CredentialRow?> ReadCredentialAsync(string kioskId, CancellationToken ct)
    {
        const string Sql = "SELECT credential_hash AS CredentialHash, revoked_at AS RevokedAt FROM kiosks WHERE kiosk_id = @kioskId";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<CredentialRow>(new CommandDefinition(Sql, new { kioskId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<KioskRow>> ListAsync(CancellationToken ct)
    {
        const string Sql = """
            SELECT kiosk_id AS KioskId, location AS Location, registered_at AS RegisteredAt, revoked_at AS RevokedAt,
                   last_seen_at AS LastSeenAt, status AS Status, devices::text AS Devices, airport AS Airport
              FROM kiosks ORDER BY kiosk_id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<KioskRow>(new CommandDefinition(Sql, cancellationToken: ct))).AsList();
    }

    /// <summary>Records a heartbeat or a connection change. <paramref name="devicesJson"/> is kept verbatim.</summary>
    public async Task MarkSeenAsync(string kioskId, string status, string devicesJson, DateTimeOffset at, CancellationToken ct)
    {
        const string Sql = """
            UPDATE kiosks SET last_seen_at = @at, status = @status, devices = CAST(@devicesJson AS jsonb)
             WHERE kiosk_id = @kioskId AND revoked_at IS NULL
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new { kioskId, status, devicesJson, at }, cancellationToken: ct));
    }
}
