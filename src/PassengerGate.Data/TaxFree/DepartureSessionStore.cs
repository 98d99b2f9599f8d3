using System.Text.Json;
using Dapper;
using Npgsql;
using PassengerGate.Domain.Sessions;

namespace PassengerGate.Data.TaxFree;

/// <summary>
/// The departure sessions (migration 0123): a session's row and its transitions, written together. A session is stored
/// once, when its check has decided a lane; a second writer of the same session stores nothing and reads the first one's.
/// </summary>
public sealed class DepartureSessionStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The stored session, rebuilt in its state, or null when none is stored under <paramref name="sessionId"/>.</summary>
    public async Task<DepartureSession?> LoadAsync(Guid sessionId, CancellationToken ct)
    {
        const string Sql = "SELECT kiosk_id AS KioskId, state AS State, sequence AS Sequence FROM departure_sessions WHERE session_id = @sessionId";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Sql, new { sessionId }, cancellationToken: ct));
        return row is null ? null : DepartureSession.Restore(sessionId, row.KioskId, Enum.Parse<DepartureState>(row.State), row.Sequence);
    }

    private sealed class Row
    {
        public string KioskId { get; init; } = "";

        public string State { get; init; } = "";

        public int Sequence { get; init; }
    }

    /// <summary>
    /// Stores a new session with its pending transitions in one transaction; false (and nothing stored) when a session with
    /// that id is stored already.
    /// </summary>
    public async Task<bool> InsertAsync(DepartureSession session, string airport, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var transitions = session.PendingTransitions;
        if (transitions.Count == 0)
        {
            throw new ArgumentException("a session is stored with the transitions that made it", nameof(session));
        }

        const string Session = """
            INSERT INTO departure_sessions (session_id, kiosk_id, airport, state, lane, sequence, opened_at, updated_at)
            VALUES (@Id, @KioskId, @airport, @State, @Lane, @Sequence, @openedAt, @updatedAt)
            ON CONFLICT (session_id) DO NOTHING
            """;
        const string Transition = """
            INSERT INTO departure_session_transitions (session_id, sequence, from_state, to_state, trigger, actor, occurred_at, reasons)
            VALUES (@sessionId, @Sequence, @From, @To, @Trigger, @Actor, @At, @Reasons::jsonb)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(Session, new
        {
            session.Id,
            session.KioskId,
            airport,
            State = session.State.ToString(),
            session.Lane,
            session.Sequence,
            openedAt = transitions[0].At.ToUniversalTime(),
            updatedAt = transitions[^1].At.ToUniversalTime(),
        }, tx, cancellationToken: ct));
        if (inserted == 0)
        {
            return false;
        }

        foreach (var t in transitions)
        {
            await connection.ExecuteAsync(new CommandDefinition(Transition, new
            {
                sessionId = session.Id,
                t.Sequence,
                From = t.From.ToString(),
                To = t.To.ToString(),
                Trigger = t.Trigger.ToString(),
                t.Actor,
                At = t.At.ToUniversalTime(),
                Reasons = JsonSerializer.Serialize(t.Reasons, Json),
            }, tx, cancellationToken: ct));
        }

        await tx.CommitAsync(ct);
        session.MarkPersisted();
        return true;
    }
}
