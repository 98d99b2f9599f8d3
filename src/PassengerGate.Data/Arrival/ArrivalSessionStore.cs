using System.Text.Json;
using Dapper;
using Npgsql;
using PassengerGate.Domain.Sessions;

namespace PassengerGate.Data.Arrival;

/// <summary>
/// Arrival sessions, their transitions (the audit trail), processed commands and referrals.
/// A save is one transaction guarded by the session's sequence number, so two writers cannot both
/// win, and a command id is stored with its answer, so nothing is processed twice.
/// </summary>
public sealed class ArrivalSessionStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record SessionRow(Guid SessionId, string KioskId, string State, string? Lane, int Sequence);

    public sealed record ReferralRow(long CaseNumber, Guid SessionId, string KioskId, DateTime RaisedAt, string? DocumentNumber, string? HolderName, string Reasons);

    /// <summary>What a save writes besides the transitions.</summary>
    public sealed record SaveRequest(
        ArrivalSession Session,
        int ExpectedSequence,
        string? DocumentNumber,
        string? HolderName,
        Guid? CommandId,
        string? ResponseJson,
        DateTimeOffset At)
    {
        /// <summary>JSON object merged into the session's facts (top-level keys replace).</summary>
        public string? FactsJson { get; init; }

        /// <summary>When the save closes a referral: the officer's outcome.</summary>
        public (string Outcome, string Note, string Officer)? ReferralOutcome { get; init; }
    }

    /// <summary>Creates the session unless it exists. Returns the stored row either way.</summary>
    public async Task<SessionRow> OpenAsync(Guid sessionId, string kioskId, DateTimeOffset at, CancellationToken ct)
    {
        const string Insert = """
            INSERT INTO arrival_sessions (session_id, kiosk_id, state, opened_at, updated_at)
            VALUES (@sessionId, @kioskId, @state, @at, @at)
            ON CONFLICT (session_id) DO NOTHING
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Insert, new { sessionId, kioskId, state = nameof(ArrivalState.Opened), at }, cancellationToken: ct));
        return (await LoadAsync(connection, sessionId, ct))!;
    }

    public async Task<SessionRow?> LoadAsync(Guid sessionId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await LoadAsync(connection, sessionId, ct);
    }

    /// <summary>A command already processed: the session and kiosk it was sent for, and the answer given.</summary>
    /// <param name="CaseNumber">The session's referral, if it has one: the stored answer is written before the referral's
    /// number exists, so a replayed answer takes it from here.</param>
    public sealed record ProcessedCommand(Guid SessionId, string KioskId, string Response, long? CaseNumber)
    {
        /// <summary>The stored answer belongs to this kiosk and session; any other caller must not see it.</summary>
        public bool IsFor(string kioskId, Guid sessionId) => SessionId == sessionId && string.Equals(KioskId, kioskId, StringComparison.Ordinal);
    }

    /// <summary>The command with this id already processed, with the session and kiosk it was for, or null.</summary>
    public async Task<ProcessedCommand?> FindResponseAsync(Guid commandId, CancellationToken ct)
    {
        const string Sql = """
            SELECT p.session_id AS SessionId, s.kiosk_id AS KioskId, p.response::text AS Response,
                   (SELECT max(r.case_number) FROM referrals r WHERE r.session_id = p.session_id) AS CaseNumber
              FROM processed_commands p JOIN arrival_sessions s ON s.session_id = p.session_id
             WHERE p.command_id = @commandId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ProcessedCommand>(new CommandDefinition(Sql, new { commandId }, cancellationToken: ct));
    }

    /// <summary>What a step starts from: the command's stored answer if it was processed before, and the session as stored.</summary>
    public sealed record StepStart(ProcessedCommand? Earlier, SessionRow? Session);

    /// <summary>
    /// <see cref="FindResponseAsync"/> and <see cref="LoadAsync(Guid, CancellationToken)"/> in one round trip: every step of
    /// every session asks both first (docs/performance.md).
    /// </summary>
    public async Task<StepStart> LoadStepStartAsync(Guid commandId, Guid sessionId, CancellationToken ct)
    {
        const string Sql = """
            SELECT s.session_id AS SessionId, s.kiosk_id AS KioskId, s.state AS State, s.lane AS Lane, s.sequence AS Sequence,
                   p.session_id AS CommandSessionId, ps.kiosk_id AS CommandKioskId, p.response::text AS CommandResponse,
                   (SELECT max(r.case_number) FROM referrals r WHERE r.session_id = p.session_id) AS CommandCaseNumber
              FROM (SELECT 1) AS one
              LEFT JOIN arrival_sessions s ON s.session_id = @sessionId
              LEFT JOIN processed_commands p ON p.command_id = @commandId
              LEFT JOIN arrival_sessions ps ON ps.session_id = p.session_id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleAsync<StepStartRow>(new CommandDefinition(Sql, new { commandId, sessionId }, cancellationToken: ct));
        return new StepStart(
            row.CommandSessionId is { } commandSession ? new ProcessedCommand(commandSession, row.CommandKioskId!, row.CommandResponse!, row.CommandCaseNumber) : null,
            row.SessionId is { } id ? new SessionRow(id, row.KioskId!, row.State!, row.Lane, row.Sequence!.Value) : null);
    }

    private sealed record StepStartRow(
        Guid? SessionId, string? KioskId, string? State, string? Lane, int? Sequence,
        Guid? CommandSessionId, string? CommandKioskId, string? CommandResponse, long? CommandCaseNumber);

    /// <summary>An earlier session of the same document that should send this one to an officer too.</summary>
    public sealed record EarlierOutcome(Guid SessionId, string State, long? CaseNumber, bool ReferralOpen);

    /// <summary>
    /// The latest other session of this document (number as read from the MRZ, same issuing state) that has an open
    /// referral, or was referred or abandoned at or after <paramref name="since"/>; null when there is none.
    /// </summary>
    public async Task<EarlierOutcome?> FindEarlierOutcomeAsync(Guid sessionId, string documentNumber, string issuingState, DateTimeOffset since, CancellationToken ct)
    {
        const string Sql = """
            SELECT s.session_id AS SessionId, s.state AS State, r.case_number AS CaseNumber,
                   (r.case_number IS NOT NULL AND r.closed_at IS NULL) AS ReferralOpen
              FROM arrival_sessions s LEFT JOIN referrals r ON r.session_id = s.session_id
             WHERE s.document_number = @documentNumber
               AND s.session_id <> @sessionId
               AND COALESCE(s.facts->'document'->>'issuingState', '') = @issuingState
               AND ((r.case_number IS NOT NULL AND r.closed_at IS NULL)
                    OR (r.raised_at >= @since)
                    OR (s.state = 'Abandoned' AND s.updated_at >= @since))
             ORDER BY s.updated_at DESC
             LIMIT 1
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<EarlierOutcome>(new CommandDefinition(Sql, new { sessionId, documentNumber, issuingState, since }, cancellationToken: ct));
    }

    /// <summary>
    /// Persists the session's pending transitions, the command's answer and, when the session was
    /// referred, its referral, in one transaction. Returns the referral's case number when one was
    /// raised by this save. Throws <see cref="ConcurrencyConflictException"/> when another writer
    /// moved the session first.
    /// </summary>
    public async Task<ReferralRow?> SaveAsync(SaveRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);

        // One statement, so one round trip and no explicit transaction (docs/performance.md): every write hangs off the
        // guarded UPDATE's RETURNING, so when another writer moved the session first nothing at all is written.
        const string Sql = """
            WITH upd AS (
                UPDATE arrival_sessions
                   SET state = @state, lane = @lane, sequence = @sequence, updated_at = @at,
                       document_number = COALESCE(@documentNumber, document_number),
                       holder_name = COALESCE(@holderName, holder_name),
                       facts = facts || CAST(COALESCE(@factsJson, '{}') AS jsonb)
                 WHERE session_id = @sessionId AND sequence = @expectedSequence
                RETURNING session_id, kiosk_id, document_number, holder_name
            ), transitions AS (
                INSERT INTO session_transitions (session_id, sequence, from_state, to_state, trigger, actor, occurred_at, reasons)
                SELECT upd.session_id, t.sequence, t.from_state, t.to_state, t.trigger, t.actor, t.occurred_at, CAST(t.reasons AS jsonb)
                  FROM upd, unnest(@transitionSequences, @transitionFrom, @transitionTo, @transitionTriggers, @transitionActors,
                                   @transitionTimes, @transitionReasons)
                       AS t(sequence, from_state, to_state, trigger, actor, occurred_at, reasons)
            ), referral AS (
                INSERT INTO referrals (session_id, kiosk_id, reasons, document_number, holder_name, raised_at)
                SELECT upd.session_id, upd.kiosk_id, CAST(@referralReasons AS jsonb), upd.document_number, upd.holder_name, @referralAt
                  FROM upd
                 WHERE CAST(@referralReasons AS text) IS NOT NULL
                ON CONFLICT (session_id) DO NOTHING
                RETURNING case_number, session_id, kiosk_id, raised_at, document_number, holder_name, reasons::text AS reasons
            ), closed AS (
                UPDATE referrals SET closed_at = @at, outcome = @outcome, outcome_note = @outcomeNote, closed_by = @outcomeOfficer
                 WHERE session_id = (SELECT session_id FROM upd) AND closed_at IS NULL AND CAST(@outcome AS text) IS NOT NULL
            ), command AS (
                INSERT INTO processed_commands (command_id, session_id, response, processed_at)
                SELECT @commandId, upd.session_id, CAST(@response AS jsonb), @at
                  FROM upd
                 WHERE CAST(@commandId AS uuid) IS NOT NULL
            )
            SELECT (SELECT count(*) FROM upd) AS Updated,
                   r.case_number AS CaseNumber, r.session_id AS SessionId, r.kiosk_id AS KioskId, r.raised_at AS RaisedAt,
                   r.document_number AS DocumentNumber, r.holder_name AS HolderName, r.reasons AS Reasons
              FROM (SELECT 1) AS one LEFT JOIN referral r ON true
            """;

        var session = request.Session;
        var transitions = session.PendingTransitions.ToList();
        var reasons = transitions.Select(t => JsonSerializer.Serialize(t.Reasons, Json)).ToArray();
        // The first transition to Referred raises the referral, with that transition's reasons and time.
        var referredAt = transitions.FindIndex(t => t.To == ArrivalState.Referred);
        var outcome = request.ReferralOutcome;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var saved = await connection.QuerySingleAsync<SaveRow>(new CommandDefinition(Sql, new
        {
            sessionId = session.Id,
            state = session.State.ToString(),
            lane = session.Lane,
            sequence = session.Sequence,
            at = request.At,
            documentNumber = request.DocumentNumber,
            holderName = request.HolderName,
            expectedSequence = request.ExpectedSequence,
            factsJson = request.FactsJson,
            transitionSequences = transitions.Select(t => t.Sequence).ToArray(),
            transitionFrom = transitions.Select(t => t.From.ToString()).ToArray(),
            transitionTo = transitions.Select(t => t.To.ToString()).ToArray(),
            transitionTriggers = transitions.Select(t => t.Trigger.ToString()).ToArray(),
            transitionActors = transitions.Select(t => t.Actor).ToArray(),
            transitionTimes = transitions.Select(t => t.At).ToArray(),
            transitionReasons = reasons,
            referralReasons = referredAt < 0 ? null : reasons[referredAt],
            referralAt = referredAt < 0 ? request.At : transitions[referredAt].At,
            outcome = outcome?.Outcome,
            outcomeNote = outcome?.Note,
            outcomeOfficer = outcome?.Officer,
            commandId = request.CommandId,
            response = request.ResponseJson ?? "{}",
        }, cancellationToken: ct));
        if (saved.Updated != 1)
        {
            throw new ConcurrencyConflictException(session.Id);
        }

        session.MarkPersisted();
        return saved.CaseNumber is { } caseNumber
            ? new ReferralRow(caseNumber, saved.SessionId!.Value, saved.KioskId!, saved.RaisedAt!.Value, saved.DocumentNumber, saved.HolderName, saved.Reasons!)
            : null;
    }

    private sealed record SaveRow(
        long Updated, long? CaseNumber, Guid? SessionId, string? KioskId, DateTime? RaisedAt, string? DocumentNumber, string? HolderName, string? Reasons);

    /// <summary>The session a referral belongs to, or null.</summary>
    public async Task<Guid?> FindSessionOfCaseAsync(long caseNumber, CancellationToken ct)
    {
        const string Sql = "SELECT session_id FROM referrals WHERE case_number = @caseNumber";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(Sql, new { caseNumber }, cancellationToken: ct));
    }

    /// <summary>The document number read for a session, or null.</summary>
    public async Task<string?> LoadDocumentNumberAsync(Guid sessionId, CancellationToken ct)
    {
        const string Sql = "SELECT document_number FROM arrival_sessions WHERE session_id = @sessionId";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(Sql, new { sessionId }, cancellationToken: ct));
    }

    /// <summary>The facts recorded for a session (JSON object).</summary>
    public async Task<string?> LoadFactsAsync(Guid sessionId, CancellationToken ct)
    {
        const string Sql = "SELECT facts::text FROM arrival_sessions WHERE session_id = @sessionId";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(Sql, new { sessionId }, cancellationToken: ct));
    }

    /// <summary>Undecided sessions not touched since <paramref name="before"/>: candidates for the timeout.</summary>
    public async Task<IReadOnlyList<SessionRow>> LoadStaleSessionsAsync(DateTimeOffset before, int limit, CancellationToken ct)
    {
        const string Sql = """
            SELECT session_id AS SessionId, kiosk_id AS KioskId, state AS State, lane AS Lane, sequence AS Sequence
              FROM arrival_sessions
             WHERE lane IS NULL AND state NOT IN ('Abandoned', 'Closed') AND updated_at < @before
             ORDER BY updated_at LIMIT @limit
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<SessionRow>(new CommandDefinition(Sql, new { before, limit }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<ReferralRow>> LoadOpenReferralsAsync(int limit, CancellationToken ct)
    {
        const string Sql = """
            SELECT case_number AS CaseNumber, session_id AS SessionId, kiosk_id AS KioskId, raised_at AS RaisedAt,
                   document_number AS DocumentNumber, holder_name AS HolderName, reasons::text AS Reasons
              FROM referrals WHERE closed_at IS NULL ORDER BY case_number DESC LIMIT @limit
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<ReferralRow>(new CommandDefinition(Sql, new { limit }, cancellationToken: ct))).AsList();
    }

    /// <summary>Open referrals raised at kiosks of one airport (staff see only their own airport's cases).</summary>
    public async Task<IReadOnlyList<ReferralRow>> LoadOpenReferralsAsync(string airport, int limit, CancellationToken ct)
    {
        const string Sql = """
            SELECT r.case_number AS CaseNumber, r.session_id AS SessionId, r.kiosk_id AS KioskId, r.raised_at AS RaisedAt,
                   r.document_number AS DocumentNumber, r.holder_name AS HolderName, r.reasons::text AS Reasons
              FROM referrals r JOIN kiosks k ON k.kiosk_id = r.kiosk_id
             WHERE r.closed_at IS NULL AND k.airport = @airport
             ORDER BY r.case_number DESC LIMIT @limit
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<ReferralRow>(new CommandDefinition(Sql, new { airport, limit }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<SessionTransition>> LoadTransitionsAsync(Guid sessionId, CancellationToken ct)
    {
        const string Sql = """
            SELECT sequence AS Sequence, from_state AS FromState, to_state AS ToState, trigger AS Trigger, actor AS Actor,
                   occurred_at AS OccurredAt, reasons::text AS Reasons
              FROM session_transitions WHERE session_id = @sessionId ORDER BY sequence
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<TransitionRow>(new CommandDefinition(Sql, new { sessionId }, cancellationToken: ct));
        return rows.Select(r => new SessionTransition(
            r.Sequence,
            Enum.Parse<ArrivalState>(r.FromState),
            Enum.Parse<ArrivalState>(r.ToState),
            Enum.Parse<ArrivalTrigger>(r.Trigger),
            r.Actor,
            new DateTimeOffset(r.OccurredAt, TimeSpan.Zero),
            JsonSerializer.Deserialize<List<SessionReason>>(r.Reasons, Json) ?? [])).ToList();
    }

    private static async Task<SessionRow?> LoadAsync(NpgsqlConnection connection, Guid sessionId, CancellationToken ct)
    {
        const string Sql = """
            SELECT session_id AS SessionId, kiosk_id AS KioskId, state AS State, lane AS Lane, sequence AS Sequence
              FROM arrival_sessions WHERE session_id = @sessionId
            """;
        return await connection.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition(Sql, new { sessionId }, cancellationToken: ct));
    }

    private sealed record TransitionRow(int Sequence, string FromState, string ToState, string Trigger, string Actor, DateTime OccurredAt, string Reasons);
}
