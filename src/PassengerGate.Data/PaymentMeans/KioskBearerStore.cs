using Dapper;
using Npgsql;

namespace PassengerGate.Data.PaymentMeans;

/// <summary>
/// The bearer of a kiosk currency declaration as the kiosk session verified them (decision 0022, "At the kiosk"): the
/// identity read from the passport's MRZ, and whether the chip passed passive authentication in that session
/// (a transition to DocumentVerified is written only then, by the document step).
/// </summary>
public sealed class KioskBearerStore(NpgsqlDataSource dataSource)
{
    public sealed record SessionBearer(
        Guid SessionId,
        string KioskId,
        string State,
        bool DocumentVerified,
        string? DocumentNumber,
        string? HolderName,
        string? Nationality,
        string? DateOfBirth,
        bool PaymentMeansDeclared);

    /// <summary>The session's verified bearer, or null when no such session exists.</summary>
    public async Task<SessionBearer?> LoadAsync(Guid sessionId, CancellationToken ct)
    {
        const string Sql = """
            SELECT s.session_id AS SessionId, s.kiosk_id AS KioskId, s.state AS State,
                   EXISTS (SELECT 1 FROM session_transitions t WHERE t.session_id = s.session_id AND t.to_state = 'DocumentVerified') AS DocumentVerified,
                   s.document_number AS DocumentNumber, s.holder_name AS HolderName,
                   s.facts->'document'->>'nationality' AS Nationality, s.facts->'document'->>'dateOfBirth' AS DateOfBirth,
                   COALESCE((s.facts->'declaration'->'json'->'answers'->>'paymentMeansOverThreshold')::boolean, false) AS PaymentMeansDeclared
              FROM arrival_sessions s WHERE s.session_id = @sessionId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<SessionBearer>(new CommandDefinition(Sql, new { sessionId }, cancellationToken: ct));
    }
}
