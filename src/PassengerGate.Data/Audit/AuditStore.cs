using System.Text.Json;
using Dapper;
using Npgsql;
using PassengerGate.Domain.Audit;

namespace PassengerGate.Data.Audit;

/// <summary>What is appended to the audit trail; <see cref="Detail"/> is serialized to JSON (ids only, no personal data).</summary>
public sealed record AuditRecord(DateTimeOffset At, string Actor, string ActorKind, string Action, string Subject, string? Airport, object? Detail);

/// <summary>The hash-chained audit trail (table audit_events): append, search, verify.</summary>
public sealed class AuditStore(NpgsqlDataSource dataSource)
{
    // One key for pg_advisory_xact_lock: appends are serialized so two writers never chain onto the same row.
    private const long AppendLock = 0x5047_4155_4449_5401;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record AuditRow(long Id, DateTime At, string Actor, string ActorKind, string Action, string Subject, string? Airport, string Detail, byte[] PrevHash, byte[] Hash)
    {
        public AuditEntry ToEntry() => new(Id, new DateTimeOffset(DateTime.SpecifyKind(At, DateTimeKind.Utc)), Actor, ActorKind, Action, Subject, Airport, Detail);
    }

    /// <summary>The first row that breaks the chain, and how.</summary>
    public sealed record Break(long Id, string Problem);

    public sealed record VerifyResult(long RowsChecked, Break? FirstBreak);

    public sealed record Query(string? Actor, string? Action, DateTimeOffset? From, DateTimeOffset? To, string? Airport, int Limit);

    public async Task<long> AppendAsync(AuditRecord record, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var id = await AppendAsync(connection, tx, record, ct);
        await tx.CommitAsync(ct);
        return id;
    }

    /// <summary>Appends inside the caller's transaction, so the act and its record commit together.</summary>
    public static async Task<long> AppendAsync(NpgsqlConnection connection, NpgsqlTransaction tx, AuditRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(record);
        const string Lock = "SELECT pg_advisory_xact_lock(@key)";
        const string Last = "SELECT id AS Id, hash AS Hash FROM audit_events ORDER BY id DESC LIMIT 1";
        const string Insert = """
            INSERT INTO audit_events (id, at, actor, actor_kind, action, subject, airport, detail, prev_hash, hash)
            VALUES (@Id, @At, @Actor, @ActorKind, @Action, @Subject, @Airport, @Detail, @PrevHash, @Hash)
            """;
        await connection.ExecuteAsync(new CommandDefinition(Lock, new { key = AppendLock }, tx, cancellationToken: ct));
        var last = await connection.QuerySingleOrDefaultAsync<LastRow>(new CommandDefinition(Last, transaction: tx, cancellationToken: ct));
        var id = (last?.Id ?? 0) + 1;
        var previous = last?.Hash ?? AuditChain.Genesis.ToArray();
        var entry = new AuditEntry(
            id,
            AuditChain.ToStoredPrecision(record.At),
            record.Actor,
            record.ActorKind,
            record.Action,
            record.Subject,
            record.Airport,
            JsonSerializer.Serialize(record.Detail ?? new { }, Json));
        var hash = AuditChain.Hash(entry, previous);
        await connection.ExecuteAsync(new CommandDefinition(Insert, new
        {
            entry.Id,
            At = entry.At,
            entry.Actor,
            entry.ActorKind,
            entry.Action,
            entry.Subject,
            entry.Airport,
            entry.Detail,
            PrevHash = previous,
            Hash = hash,
        }, tx, cancellationToken: ct));
        return id;
    }

    public async Task<IReadOnlyList<AuditRow>> SearchAsync(Query query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        const string Sql = """
            SELECT id AS Id, at AS At, actor AS Actor, actor_kind AS ActorKind, action AS Action, subject AS Subject,
                   airport AS Airport, detail AS Detail, prev_hash AS PrevHash, hash AS Hash
              FROM audit_events
             WHERE (@actor IS NULL OR actor = @actor)
               AND (@action IS NULL OR action = @action)
               AND (@from IS NULL OR at >= @from)
               AND (@to IS NULL OR at < @to)
               AND (@airport IS NULL OR airport = @airport)
             ORDER BY id DESC LIMIT @limit
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<AuditRow>(new CommandDefinition(Sql, new
        {
            actor = query.Actor,
            action = query.Action,
            from = query.From,
            to = query.To,
            airport = query.Airport,
            limit = query.Limit,
        }, cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// Walks the whole trail in id order and recomputes every hash; stops at the first break. The walk ends
    /// where the chain head (kept by the insert trigger, migration 0070) says it ends, so deleting the newest
    /// rows is caught too. One repeatable-read snapshot, so an append during the walk cannot look like a gap.
    /// </summary>
    public async Task<VerifyResult> VerifyAsync(CancellationToken ct)
    {
        const string Sql = """
            SELECT id AS Id, at AS At, actor AS Actor, actor_kind AS ActorKind, action AS Action, subject AS Subject,
                   airport AS Airport, detail AS Detail, prev_hash AS PrevHash, hash AS Hash
              FROM audit_events ORDER BY id
            """;
        const string HeadSql = "SELECT last_id AS Id, last_hash AS Hash FROM audit_chain_head";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var heads = (await connection.QueryAsync<LastRow>(new CommandDefinition(HeadSql, transaction: tx, cancellationToken: ct))).AsList();
        var expectedPrevious = AuditChain.Genesis.ToArray();
        var expectedId = 1L;
        var checkedRows = 0L;
        await foreach (var row in connection.QueryUnbufferedAsync<AuditRow>(Sql, transaction: tx).WithCancellation(ct))
        {
            if (row.Id != expectedId)
            {
                return new VerifyResult(checkedRows, new Break(row.Id, $"row {expectedId} is missing (deleted): row {row.Id} follows row {expectedId - 1}"));
            }

            if (!row.PrevHash.AsSpan().SequenceEqual(expectedPrevious))
            {
                return new VerifyResult(checkedRows, new Break(row.Id, "its previous-row hash does not match the row before it"));
            }

            if (!AuditChain.Hash(row.ToEntry(), row.PrevHash).AsSpan().SequenceEqual(row.Hash))
            {
                return new VerifyResult(checkedRows, new Break(row.Id, "its content does not match its hash (altered)"));
            }

            expectedPrevious = row.Hash;
            expectedId++;
            checkedRows++;
        }

        var lastId = expectedId - 1;
        if (heads.Count != 1)
        {
            return new VerifyResult(checkedRows, new Break(lastId + 1, "the chain head (audit_chain_head) is missing, so the end of the trail cannot be checked"));
        }

        var head = heads[0];
        if (head.Id > lastId)
        {
            return new VerifyResult(checkedRows, new Break(lastId + 1, $"row {lastId + 1} is missing (deleted): the trail ends at row {lastId} but its head records row {head.Id}"));
        }

        if (head.Id < lastId)
        {
            return new VerifyResult(checkedRows, new Break(head.Id + 1, $"row {head.Id + 1} lies beyond the chain head (row {head.Id}): appended behind the trigger's back"));
        }

        if (!head.Hash.AsSpan().SequenceEqual(expectedPrevious))
        {
            return new VerifyResult(checkedRows, new Break(lastId, $"row {lastId}'s hash does not match the chain head"));
        }

        return new VerifyResult(checkedRows, null);
    }

    private sealed record LastRow(long Id, byte[] Hash);
}
