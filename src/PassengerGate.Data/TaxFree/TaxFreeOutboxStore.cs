using Dapper;
using Npgsql;

namespace PassengerGate.Data.TaxFree;

/// <summary>
/// Decisions on purchase records and the webhook outbox written with them (migration 0121, docs/taxfree-webhooks.md).
/// A record is decided once: the update only takes a record still open, and the outbox's one row per record makes a
/// second result impossible even if two sessions race.
/// </summary>
public sealed class TaxFreeOutboxStore(NpgsqlDataSource dataSource)
{
    /// <summary>One record's result and the event body that tells its shop.</summary>
    public sealed record Decision(string ShopId, string RecordId, string State, string[] Reasons, Guid EventId, string Body);

    /// <summary>A delivery claimed by the dispatcher, with its shop's endpoint and secret.</summary>
    public sealed class Claimed
    {
        public Guid EventId { get; init; }

        public string ShopId { get; init; } = "";

        public string RecordId { get; init; } = "";

        public string Body { get; init; } = "";

        public int Attempts { get; init; }

        public string? WebhookUrl { get; init; }

        public byte[] WebhookSecret { get; init; } = [];
    }

    public sealed class Delivery
    {
        public Guid EventId { get; init; }

        public int Attempts { get; init; }

        public DateTime NextAttemptAt { get; init; }

        public DateTime? DeliveredAt { get; init; }

        public int? LastStatus { get; init; }

        public string? LastError { get; init; }
    }

    /// <summary>
    /// Decides every record in one transaction and queues its event: all or none. False (and nothing written) when
    /// any record was decided already (only open and ineligible records are undecided: an "ineligible" answer at
    /// submission can change when a later record of the same shop and day lifts the floor, decision 0021).
    /// </summary>
    public async Task<bool> DecideAsync(IReadOnlyList<Decision> decisions, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (!await DecideAsync(connection, transaction, decisions, at, ct))
        {
            await transaction.RollbackAsync(ct);
            return false;
        }

        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Decides inside the caller's transaction, so another change (an inspection closed, its audit row) commits with
    /// the decision and its events. False when any record was decided already: the caller rolls back.
    /// </summary>
    public static async Task<bool> DecideAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Decision> decisions, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(decisions);
        const string Decide = """
            UPDATE taxfree_records SET state = @State, reasons = @Reasons, decided_at = @at
             WHERE shop_id = @ShopId AND record_id = @RecordId AND state IN ('open', 'ineligible')
            """;
        const string Queue = """
            INSERT INTO taxfree_outbox (event_id, shop_id, record_id, result, body, created_at, next_attempt_at)
            VALUES (@EventId, @ShopId, @RecordId, @State, @Body, @at, @at)
            """;
        var utc = at.ToUniversalTime();
        foreach (var d in decisions)
        {
            var args = new { d.ShopId, d.RecordId, d.State, d.Reasons, d.EventId, d.Body, at = utc };
            if (await connection.ExecuteAsync(new CommandDefinition(Decide, args, transaction, cancellationToken: ct)) != 1)
            {
                return false;
            }

            await connection.ExecuteAsync(new CommandDefinition(Queue, args, transaction, cancellationToken: ct));
        }

        return true;
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> deliveries due at <paramref name="now"/>, pushing their next attempt to
    /// <paramref name="leaseUntil"/> so no other dispatcher takes them meanwhile and a crash mid-delivery only delays them.
    /// </summary>
    public async Task<IReadOnlyList<Claimed>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken ct)
    {
        const string Sql = """
            WITH due AS (
                SELECT event_id FROM taxfree_outbox
                 WHERE delivered_at IS NULL AND next_attempt_at <= @now
                 ORDER BY next_attempt_at LIMIT @max FOR UPDATE SKIP LOCKED)
            UPDATE taxfree_outbox o SET next_attempt_at = @leaseUntil
              FROM due, taxfree_shops s
             WHERE o.event_id = due.event_id AND s.shop_id = o.shop_id
            RETURNING o.event_id AS EventId, o.shop_id AS ShopId, o.record_id AS RecordId, o.body AS Body, o.attempts AS Attempts,
                      s.webhook_url AS WebhookUrl, s.webhook_secret AS WebhookSecret
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<Claimed>(new CommandDefinition(Sql, new { now = now.ToUniversalTime(), leaseUntil = leaseUntil.ToUniversalTime(), max }, cancellationToken: ct))).AsList();
    }

    /// <summary>Results decided and not yet delivered (the dispatcher's backlog, exported as a metric).</summary>
    public async Task<long> CountUndeliveredAsync(CancellationToken ct)
    {
        const string Sql = "SELECT count(*) FROM taxfree_outbox WHERE delivered_at IS NULL";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(Sql, cancellationToken: ct));
    }

    public async Task MarkDeliveredAsync(Guid eventId, DateTimeOffset at, int status, CancellationToken ct)
    {
        const string Sql = """
            UPDATE taxfree_outbox SET delivered_at = @at, attempts = attempts + 1, last_status = @status, last_error = NULL
             WHERE event_id = @eventId AND delivered_at IS NULL
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new { eventId, at = at.ToUniversalTime(), status }, cancellationToken: ct));
    }

    public async Task MarkFailedAsync(Guid eventId, DateTimeOffset nextAttemptAt, int? status, string error, CancellationToken ct)
    {
        const string Sql = """
            UPDATE taxfree_outbox SET attempts = attempts + 1, next_attempt_at = @nextAttemptAt, last_status = @status, last_error = @error
             WHERE event_id = @eventId AND delivered_at IS NULL
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new { eventId, nextAttemptAt = nextAttemptAt.ToUniversalTime(), status, error }, cancellationToken: ct));
    }

    /// <summary>The delivery of a record's result, or null while the record is undecided.</summary>
    public async Task<Delivery?> DeliveryOfAsync(string shopId, string recordId, CancellationToken ct)
    {
        const string Sql = """
            SELECT event_id AS EventId, attempts AS Attempts, next_attempt_at AS NextAttemptAt, delivered_at AS DeliveredAt,
                   last_status AS LastStatus, last_error AS LastError
              FROM taxfree_outbox WHERE shop_id = @shopId AND record_id = @recordId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Delivery>(new CommandDefinition(Sql, new { shopId, recordId }, cancellationToken: ct));
    }
}
