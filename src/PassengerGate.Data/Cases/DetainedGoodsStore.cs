using System.Text.Json;
using Dapper;
using Npgsql;
using PassengerGate.Data.Audit;

namespace PassengerGate.Data.Cases;

/// <summary>The goods detained on a case (table case_detained_goods): recorded once, with its audit row, in one transaction.</summary>
public sealed class DetainedGoodsStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Item(string Description, int Quantity, string Reason);

    public sealed record Detention(IReadOnlyList<Item> Items, string Officer, DateTimeOffset DetainedAt);

    private sealed record Row(string Items, string Officer, DateTime DetainedAt);

    /// <summary>Records the detention and its audit row together; false when goods are already recorded for the case.</summary>
    public async Task<bool> SaveAsync(long caseNumber, Detention detention, AuditRecord audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(detention);
        const string Sql = """
            INSERT INTO case_detained_goods (case_number, items, officer, detained_at)
            VALUES (@caseNumber, @items::jsonb, @officer, @detainedAt) ON CONFLICT (case_number) DO NOTHING
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(Sql, new
        {
            caseNumber,
            items = JsonSerializer.Serialize(detention.Items, Json),
            officer = detention.Officer,
            detainedAt = detention.DetainedAt.UtcDateTime,
        }, tx, cancellationToken: ct)) == 1;
        if (!inserted)
        {
            return false;
        }

        await AuditStore.AppendAsync(connection, tx, audit, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<Detention?> LoadAsync(long caseNumber, CancellationToken ct)
    {
        const string Sql = "SELECT items::text AS Items, officer AS Officer, detained_at AS DetainedAt FROM case_detained_goods WHERE case_number = @caseNumber";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Sql, new { caseNumber }, cancellationToken: ct));
        return row is null
            ? null
            : new Detention(
                JsonSerializer.Deserialize<List<Item>>(row.Items, Json) ?? [],
                row.Officer,
                new DateTimeOffset(DateTime.SpecifyKind(row.DetainedAt, DateTimeKind.Utc)));
    }
}
