using Dapper;
using Npgsql;

namespace PassengerGate.Data.Arrival;

/// <summary>
/// Removes personal data from finished arrival sessions once their retention period is over: the
/// document number, the holder's name and the recorded facts (MRZ, declaration) go; the session's
/// state, lane, timings and its audit trail of transitions and reason codes stay, so statistics
/// and the audit survive without identifying anyone.
/// </summary>
public sealed class PersonalDataStore(NpgsqlDataSource dataSource)
{
    public sealed record PurgeCounts(int Sessions, int Referrals);

    /// <summary>
    /// Deletes the stored answers to kiosk commands processed before <paramref name="cutoff"/>: they exist so that a
    /// kiosk resending after a reconnect gets the same answer, which takes seconds, not days; they repeat the
    /// session's reasons and case number. Returns how many.
    /// </summary>
    public async Task<int> DeleteCommandAnswersBeforeAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        const string Sql = "DELETE FROM processed_commands WHERE processed_at < @cutoff";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(Sql, new { cutoff }, cancellationToken: ct));
    }

    public async Task<PurgeCounts> PurgeFinishedBeforeAsync(DateTimeOffset cutoff, DateTimeOffset now, CancellationToken ct)
    {
        const string Sessions = """
            UPDATE arrival_sessions
               SET document_number = NULL, holder_name = NULL,
                   facts = jsonb_build_object('personalDataPurgedAt', @now::timestamptz)
             WHERE updated_at < @cutoff
               AND state IN ('Released', 'Closed', 'Abandoned')
               AND NOT facts ? 'personalDataPurgedAt'
            """;
        const string Referrals = """
            UPDATE referrals SET document_number = NULL, holder_name = NULL, outcome_note = NULL
             WHERE closed_at IS NOT NULL AND closed_at < @cutoff AND (document_number IS NOT NULL OR holder_name IS NOT NULL)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var sessions = await connection.ExecuteAsync(new CommandDefinition(Sessions, new { cutoff, now }, tx, cancellationToken: ct));
        var referrals = await connection.ExecuteAsync(new CommandDefinition(Referrals, new { cutoff }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return new PurgeCounts(sessions, referrals);
    }
}
