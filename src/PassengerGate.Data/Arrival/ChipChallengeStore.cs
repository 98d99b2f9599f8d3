using Dapper;
using Npgsql;

namespace PassengerGate.Data.Arrival;

/// <summary>The per-session Active Authentication challenge (migration 0020).</summary>
public sealed class ChipChallengeStore(NpgsqlDataSource dataSource)
{
    /// <summary>Stores <paramref name="candidate"/> unless the session already has a challenge; returns the stored one (a retried open gets the same).</summary>
    public async Task<byte[]> IssueAsync(Guid sessionId, byte[] candidate, DateTimeOffset at, CancellationToken ct)
    {
        const string Insert = """
            INSERT INTO session_chip_challenges (session_id, challenge, issued_at)
            VALUES (@sessionId, @candidate, @at)
            ON CONFLICT (session_id) DO NOTHING
            """;
        const string Select = "SELECT challenge FROM session_chip_challenges WHERE session_id = @sessionId";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Insert, new { sessionId, candidate, at }, cancellationToken: ct));
        return await connection.QuerySingleAsync<byte[]>(new CommandDefinition(Select, new { sessionId }, cancellationToken: ct));
    }

    public async Task<byte[]?> FindAsync(Guid sessionId, CancellationToken ct)
    {
        const string Select = "SELECT challenge FROM session_chip_challenges WHERE session_id = @sessionId";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(Select, new { sessionId }, cancellationToken: ct));
    }
}
