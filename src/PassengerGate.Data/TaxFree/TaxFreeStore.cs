using Dapper;
using Npgsql;
using NpgsqlTypes;
using PassengerGate.Domain.TaxFree;

namespace PassengerGate.Data.TaxFree;

/// <summary>Shops and their purchase records (migration 0120).</summary>
public sealed class TaxFreeStore(NpgsqlDataSource dataSource)
{
    public sealed record ShopRow(string ShopId, string Name, string? WebhookUrl, DateTime CreatedAt, DateTime? RevokedAt);

    public sealed record ShopSecrets(string ShopId, string? WebhookUrl, byte[] WebhookSecret);

    public sealed record NewRecord(
        string ShopId,
        string RecordId,
        string PassportNumber,
        string Nationality,
        DateTimeOffset PurchasedAt,
        DateOnly PurchaseDay,
        long TotalYen,
        string ItemsJson,
        byte[] BodyHash,
        string AnswerJson,
        DateTimeOffset ReceivedAt,
        string State,
        string[] Reasons);

    /// <summary>A stored record (a class with setters: Dapper maps text[] onto a property, not onto a constructor).</summary>
    public sealed class RecordRow
    {
        public string ShopId { get; init; } = "";

        public string RecordId { get; init; } = "";

        public string PassportNumber { get; init; } = "";

        public string Nationality { get; init; } = "";

        public DateTime PurchasedAt { get; init; }

        public string ItemsJson { get; init; } = "[]";

        public byte[] BodyHash { get; init; } = [];

        public string AnswerJson { get; init; } = "";

        public string State { get; init; } = "";

        public string[] Reasons { get; init; } = [];

        public DateTime? DecidedAt { get; init; }

        public PurchaseRecord ToDomain() => new(RecordId, ShopId, PassportNumber, Nationality,
            new DateTimeOffset(DateTime.SpecifyKind(PurchasedAt, DateTimeKind.Utc)), PurchaseRecordJson.ReadItems(ItemsJson));
    }

    public async Task AddShopAsync(string shopId, string name, byte[] keyHash, string? webhookUrl, byte[] webhookSecret, DateTimeOffset at, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO taxfree_shops (shop_id, name, key_hash, webhook_url, webhook_secret, created_at)
            VALUES (@shopId, @name, @keyHash, @webhookUrl, @webhookSecret, @at)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new { shopId, name, keyHash, webhookUrl, webhookSecret, at = at.ToUniversalTime() }, cancellationToken: ct));
    }

    public async Task<bool> RevokeShopAsync(string shopId, DateTimeOffset at, CancellationToken ct)
    {
        const string Sql = "UPDATE taxfree_shops SET revoked_at = @at WHERE shop_id = @shopId AND revoked_at IS NULL";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(Sql, new { shopId, at = at.ToUniversalTime() }, cancellationToken: ct)) == 1;
    }

    public async Task<IReadOnlyList<ShopRow>> ListShopsAsync(CancellationToken ct)
    {
        const string Sql = """
            SELECT shop_id AS ShopId, name AS Name, webhook_url AS WebhookUrl, created_at AS CreatedAt, revoked_at AS RevokedAt
              FROM taxfree_shops ORDER BY shop_id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<ShopRow>(new CommandDefinition(Sql, cancellationToken: ct))).AsList();
    }

    /// <summary>The shop whose (not revoked) key hashes to <paramref name="keyHash"/>, or null.</summary>
    public async Task<string?> ShopForKeyAsync(byte[] keyHash, CancellationToken ct)
    {
        const string Sql = "SELECT shop_id FROM taxfree_shops WHERE key_hash = @keyHash AND revoked_at IS NULL";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(Sql, new { keyHash }, cancellationToken: ct));
    }

    public async Task<ShopSecrets?> ShopSecretsAsync(string shopId, CancellationToken ct)
    {
        const string Sql = "SELECT shop_id AS ShopId, webhook_url AS WebhookUrl, webhook_secret AS WebhookSecret FROM taxfree_shops WHERE shop_id = @shopId";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ShopSecrets>(new CommandDefinition(Sql, new { shopId }, cancellationToken: ct));
    }

    /// <summary>Inserts a record unless one with its id exists for the shop; true when this call inserted it.</summary>
    public async Task<bool> TryInsertRecordAsync(NewRecord r, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(r);
        const string Sql = """
            INSERT INTO taxfree_records (shop_id, record_id, passport_number, nationality, purchased_at, purchase_day, total_yen,
                                         items, body_hash, answer, received_at, state, reasons)
            VALUES (@ShopId, @RecordId, @PassportNumber, @Nationality, @PurchasedAt, @PurchaseDay, @TotalYen,
                    CAST(@ItemsJson AS jsonb), @BodyHash, @AnswerJson, @ReceivedAt, @State, @Reasons)
            ON CONFLICT (shop_id, record_id) DO NOTHING
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // Npgsql writes timestamptz only from UTC offsets.
        var row = r with { PurchasedAt = r.PurchasedAt.ToUniversalTime(), ReceivedAt = r.ReceivedAt.ToUniversalTime() };
        return await connection.ExecuteAsync(new CommandDefinition(Sql, row, cancellationToken: ct)) == 1;
    }

    private const string RecordColumns = """
        shop_id AS ShopId, record_id AS RecordId, passport_number AS PassportNumber, nationality AS Nationality,
        purchased_at AS PurchasedAt, items::text AS ItemsJson, body_hash AS BodyHash, answer AS AnswerJson,
        state AS State, reasons AS Reasons, decided_at AS DecidedAt
        """;

    public async Task<RecordRow?> FindRecordAsync(string shopId, string recordId, CancellationToken ct)
    {
        const string Sql = "SELECT " + RecordColumns + " FROM taxfree_records WHERE shop_id = @shopId AND record_id = @recordId";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<RecordRow>(new CommandDefinition(Sql, new { shopId, recordId }, cancellationToken: ct));
    }

    /// <summary>The records of one shop for one passport on one purchase day (the floor is counted over them).</summary>
    public async Task<IReadOnlyList<RecordRow>> SameShopSameDayAsync(string shopId, string passportNumber, string nationality, DateOnly purchaseDay, CancellationToken ct)
    {
        const string Sql = "SELECT " + RecordColumns + """
             FROM taxfree_records
            WHERE shop_id = @shopId AND passport_number = @passportNumber AND nationality = @nationality AND purchase_day = @purchaseDay
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<RecordRow>(new CommandDefinition(Sql, new { shopId, passportNumber, nationality, purchaseDay }, cancellationToken: ct))).AsList();
    }

    /// <summary>Every record of a traveller, oldest purchase first.</summary>
    public async Task<IReadOnlyList<RecordRow>> ForTravellerAsync(string passportNumber, string nationality, CancellationToken ct)
    {
        const string Sql = "SELECT " + RecordColumns + """
             FROM taxfree_records WHERE passport_number = @passportNumber AND nationality = @nationality
            ORDER BY purchased_at, shop_id, record_id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<RecordRow>(new CommandDefinition(Sql, new { passportNumber, nationality }, cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// Backfill: writes many records with one binary COPY into a temporary table, then moves them across, skipping
    /// ids the shop already has (returned, so the caller can report them as rejected rows). One transaction.
    /// </summary>
    public async Task<IReadOnlyList<string>> ImportAsync(IEnumerable<NewRecord> records, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        const string Stage = """
            CREATE TEMPORARY TABLE taxfree_import (LIKE taxfree_records INCLUDING DEFAULTS) ON COMMIT DROP
            """;
        const string Copy = """
            COPY taxfree_import (shop_id, record_id, passport_number, nationality, purchased_at, purchase_day, total_yen,
                                 items, body_hash, answer, received_at, state, reasons) FROM STDIN (FORMAT BINARY)
            """;
        const string Move = """
            WITH moved AS (
                INSERT INTO taxfree_records SELECT * FROM taxfree_import ON CONFLICT (shop_id, record_id) DO NOTHING
                RETURNING shop_id, record_id)
            SELECT i.record_id FROM taxfree_import i
             WHERE NOT EXISTS (SELECT 1 FROM moved m WHERE m.shop_id = i.shop_id AND m.record_id = i.record_id)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Stage, transaction: transaction, cancellationToken: ct));
        await using (var writer = await connection.BeginBinaryImportAsync(Copy, ct))
        {
            foreach (var r in records)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(r.ShopId, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(r.RecordId, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(r.PassportNumber, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(r.Nationality, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(r.PurchasedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(r.PurchaseDay, NpgsqlDbType.Date, ct);
                await writer.WriteAsync(r.TotalYen, NpgsqlDbType.Bigint, ct);
                await writer.WriteAsync(r.ItemsJson, NpgsqlDbType.Jsonb, ct);
                await writer.WriteAsync(r.BodyHash, NpgsqlDbType.Bytea, ct);
                await writer.WriteAsync(r.AnswerJson, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(r.ReceivedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(r.State, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(r.Reasons, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            }

            await writer.CompleteAsync(ct);
        }

        var skipped = (await connection.QueryAsync<string>(new CommandDefinition(Move, transaction: transaction, cancellationToken: ct))).AsList();
        await transaction.CommitAsync(ct);
        return skipped;
    }

    /// <summary>
    /// Removes the traveller's identifiers (passport number, nationality, the items' serial numbers) from records decided,
    /// or bought if never decided, before <paramref name="cutoff"/>; a record on an inspection still open keeps them until
    /// it is closed. Returns how many records were purged (docs/taxfree-rules.md §7).
    /// </summary>
    public async Task<int> PurgePersonalDataAsync(DateTimeOffset cutoff, DateTimeOffset now, int limit, CancellationToken ct)
    {
        const string Sql = """
            UPDATE taxfree_records r
               SET passport_number = '', nationality = '',
                   items = (SELECT COALESCE(jsonb_agg(i - 'serial' ORDER BY n), '[]'::jsonb) FROM jsonb_array_elements(r.items) WITH ORDINALITY AS e(i, n)),
                   personal_data_purged_at = @now
             WHERE (r.shop_id, r.record_id) IN (
                   SELECT t.shop_id, t.record_id FROM taxfree_records t
                    WHERE t.personal_data_purged_at IS NULL AND COALESCE(t.decided_at, t.purchased_at) < @cutoff
                      AND NOT EXISTS (SELECT 1 FROM taxfree_inspections x
                                       WHERE x.shop_id = t.shop_id AND x.record_id = t.record_id AND x.closed_at IS NULL)
                    LIMIT @limit)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(Sql, new { cutoff = cutoff.ToUniversalTime(), now = now.ToUniversalTime(), limit }, cancellationToken: ct));
    }
}
