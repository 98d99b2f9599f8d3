using Dapper;
using Npgsql;

namespace PassengerGate.Data.Jobs;

/// <summary>Claims of background job runs shared by every service node (decision 0024).</summary>
public sealed class JobRunStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Claims this run of <paramref name="job"/> for <paramref name="node"/> when no node ran it in the last
    /// <paramref name="minimumGap"/>. One statement: concurrent claims queue on the row lock and the later ones see the
    /// moved time, so exactly one node gets true.
    /// </summary>
    public async Task<bool> TryClaimAsync(string job, string node, DateTimeOffset now, TimeSpan minimumGap, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO job_runs (job, last_run_at, node) VALUES (@job, @now, @node)
            ON CONFLICT (job) DO UPDATE SET last_run_at = EXCLUDED.last_run_at, node = EXCLUDED.node, runs = job_runs.runs + 1
            WHERE job_runs.last_run_at <= @due
            RETURNING 1
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var claimed = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(Sql, new { job, node, now, due = now - minimumGap }, cancellationToken: ct));
        return claimed == 1;
    }
}
