using Dapper;
using Npgsql;

namespace PassengerGate.Data.Cases;

/// <summary>
/// The officer console's cases: the paged open queue of an airport, who holds a case, lines assessed by an
/// officer and payments; and the supervisor dashboard's counts. Every query is scoped to one airport.
/// </summary>
public sealed class CaseStore(NpgsqlDataSource dataSource)
{
    public sealed record QueueRow(long CaseNumber, Guid SessionId, string KioskId, DateTime RaisedAt, string? DocumentNumber, string? HolderName, string Reasons, string? Flight, string? ClaimedBy, DateTime? ClaimedAt);

    public sealed record CaseRow(long CaseNumber, Guid SessionId, string KioskId, DateTime RaisedAt, string? DocumentNumber, string? HolderName, string Reasons, string? ClaimedBy, DateTime? ClaimedAt, DateTime? ClosedAt, string Airport, string Facts);

    public sealed record ClaimRow(string? ClaimedBy, DateTime? ClaimedAt);

    public sealed record LineAssessmentRow(string LinePath, decimal CustomsValueYen, decimal RatePercent, decimal DutyYen, string Officer, DateTime AssessedAt);

    public sealed record PaymentRow(decimal AmountYen, string Method, DateTime PaidAt, string Officer);

    public sealed record HourRow(DateTime Hour, int Green, int Red);

    public sealed record ReasonRow(string Code, int Count);

    public sealed record QueueStats(int Open, int Unclaimed, double? LongestWaitMinutes, double? MedianWaitMinutes);

    // Filters are optional: a null parameter matches everything. The flight is the one declared (facts.declaration).
    private const string QueueWhere = """
          FROM referrals r
          JOIN kiosks k ON k.kiosk_id = r.kiosk_id
          JOIN arrival_sessions s ON s.session_id = r.session_id
         WHERE r.closed_at IS NULL AND k.airport = @airport
           AND (CAST(@reasonCode AS text) IS NULL OR r.reasons @> jsonb_build_array(jsonb_build_object('code', CAST(@reasonCode AS text))))
           AND (CAST(@flight AS text) IS NULL OR upper(s.facts #>> '{declaration,json,header,flightOrVessel}') = upper(CAST(@flight AS text)))
           AND (CAST(@waitedSince AS timestamptz) IS NULL OR r.raised_at <= CAST(@waitedSince AS timestamptz))
        """;

    public async Task<(int Total, IReadOnlyList<QueueRow> Rows)> LoadQueueAsync(string airport, string? reasonCode, string? flight, DateTimeOffset? waitedSince, int offset, int limit, CancellationToken ct)
    {
        const string Count = "SELECT count(*)::int " + QueueWhere;
        const string Page = """
            SELECT r.case_number AS CaseNumber, r.session_id AS SessionId, r.kiosk_id AS KioskId, r.raised_at AS RaisedAt,
                   r.document_number AS DocumentNumber, r.holder_name AS HolderName, r.reasons::text AS Reasons,
                   s.facts #>> '{declaration,json,header,flightOrVessel}' AS Flight, r.claimed_by AS ClaimedBy, r.claimed_at AS ClaimedAt
            """ + QueueWhere + " ORDER BY r.raised_at, r.case_number OFFSET @offset LIMIT @limit";
        var args = new { airport, reasonCode, flight, waitedSince, offset, limit };
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(Count, args, cancellationToken: ct));
        var rows = (await connection.QueryAsync<QueueRow>(new CommandDefinition(Page, args, cancellationToken: ct))).AsList();
        return (total, rows);
    }

    public async Task<CaseRow?> LoadCaseAsync(long caseNumber, CancellationToken ct)
    {
        const string Sql = """
            SELECT r.case_number AS CaseNumber, r.session_id AS SessionId, r.kiosk_id AS KioskId, r.raised_at AS RaisedAt,
                   r.document_number AS DocumentNumber, r.holder_name AS HolderName, r.reasons::text AS Reasons,
                   r.claimed_by AS ClaimedBy, r.claimed_at AS ClaimedAt, r.closed_at AS ClosedAt, k.airport AS Airport, s.facts::text AS Facts
              FROM referrals r
              JOIN kiosks k ON k.kiosk_id = r.kiosk_id
              JOIN arrival_sessions s ON s.session_id = r.session_id
             WHERE r.case_number = @caseNumber
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<CaseRow>(new CommandDefinition(Sql, new { caseNumber }, cancellationToken: ct));
    }

    /// <summary>
    /// Takes an open case for <paramref name="officer"/> when nobody holds it (or they already do); with
    /// <paramref name="takeOver"/>, whoever holds it. One conditional UPDATE: of two officers claiming at once,
    /// exactly one row changes. Returns the holder after the attempt (null when the case is closed or missing).
    /// </summary>
    public async Task<(bool Taken, ClaimRow? Now)> ClaimAsync(long caseNumber, string officer, bool takeOver, DateTimeOffset at, CancellationToken ct)
    {
        const string Claim = """
            UPDATE referrals SET claimed_by = @officer, claimed_at = @at
             WHERE case_number = @caseNumber AND closed_at IS NULL
               AND (@takeOver OR claimed_by IS NULL OR claimed_by = @officer)
            """;
        const string Holder = "SELECT claimed_by AS ClaimedBy, claimed_at AS ClaimedAt FROM referrals WHERE case_number = @caseNumber AND closed_at IS NULL";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(Claim, new { caseNumber, officer, takeOver, at }, cancellationToken: ct));
        var now = await connection.QuerySingleOrDefaultAsync<ClaimRow>(new CommandDefinition(Holder, new { caseNumber }, cancellationToken: ct));
        return (changed == 1, now);
    }

    /// <summary>Gives a case back to the queue: only its holder, unless <paramref name="anyHolder"/> (a supervisor).</summary>
    public async Task<bool> ReleaseClaimAsync(long caseNumber, string officer, bool anyHolder, CancellationToken ct)
    {
        const string Sql = """
            UPDATE referrals SET claimed_by = NULL, claimed_at = NULL
             WHERE case_number = @caseNumber AND closed_at IS NULL AND claimed_by IS NOT NULL AND (@anyHolder OR claimed_by = @officer)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(Sql, new { caseNumber, officer, anyHolder }, cancellationToken: ct)) == 1;
    }

    public async Task SaveLineAssessmentAsync(long caseNumber, LineAssessmentRow row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        const string Sql = """
            INSERT INTO case_line_assessments (case_number, line_path, customs_value_yen, rate_percent, duty_yen, officer, assessed_at)
            VALUES (@caseNumber, @LinePath, @CustomsValueYen, @RatePercent, @DutyYen, @Officer, @AssessedAt)
            ON CONFLICT (case_number, line_path) DO UPDATE SET customs_value_yen = excluded.customs_value_yen, rate_percent = excluded.rate_percent,
                duty_yen = excluded.duty_yen, officer = excluded.officer, assessed_at = excluded.assessed_at
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new { caseNumber, row.LinePath, row.CustomsValueYen, row.RatePercent, row.DutyYen, row.Officer, AssessedAt = DateTime.SpecifyKind(row.AssessedAt, DateTimeKind.Utc) }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<LineAssessmentRow>> LoadLineAssessmentsAsync(long caseNumber, CancellationToken ct)
    {
        const string Sql = """
            SELECT line_path AS LinePath, customs_value_yen AS CustomsValueYen, rate_percent AS RatePercent, duty_yen AS DutyYen, officer AS Officer, assessed_at AS AssessedAt
              FROM case_line_assessments WHERE case_number = @caseNumber ORDER BY line_path
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<LineAssessmentRow>(new CommandDefinition(Sql, new { caseNumber }, cancellationToken: ct))).AsList();
    }

    /// <summary>Records the payment of a case; false when one is already recorded (a payment is never overwritten).</summary>
    public async Task<bool> SavePaymentAsync(long caseNumber, PaymentRow row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        const string Sql = """
            INSERT INTO case_payments (case_number, amount_yen, method, paid_at, officer)
            VALUES (@caseNumber, @AmountYen, @Method, @PaidAt, @Officer) ON CONFLICT (case_number) DO NOTHING
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(Sql, new { caseNumber, row.AmountYen, row.Method, PaidAt = DateTime.SpecifyKind(row.PaidAt, DateTimeKind.Utc), row.Officer }, cancellationToken: ct)) == 1;
    }

    public async Task<PaymentRow?> LoadPaymentAsync(long caseNumber, CancellationToken ct)
    {
        const string Sql = "SELECT amount_yen AS AmountYen, method AS Method, paid_at AS PaidAt, officer AS Officer FROM case_payments WHERE case_number = @caseNumber";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<PaymentRow>(new CommandDefinition(Sql, new { caseNumber }, cancellationToken: ct));
    }

    /// <summary>
    /// Decided sessions per hour since <paramref name="since"/>, by lane (the lane the service chose). Hours are
    /// the airport's wall-clock hours in <paramref name="timeZone"/> (an IANA id), returned as local date and time.
    /// </summary>
    public async Task<IReadOnlyList<HourRow>> LoadLanesPerHourAsync(string airport, DateTimeOffset since, string timeZone, CancellationToken ct)
    {
        const string Sql = """
            SELECT date_trunc('hour', s.updated_at AT TIME ZONE @timeZone) AS Hour,
                   count(*) FILTER (WHERE s.lane = 'green')::int AS Green,
                   count(*) FILTER (WHERE s.lane = 'red')::int AS Red
              FROM arrival_sessions s JOIN kiosks k ON k.kiosk_id = s.kiosk_id
             WHERE k.airport = @airport AND s.lane IS NOT NULL AND s.updated_at >= @since
             GROUP BY 1 ORDER BY 1
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<HourRow>(new CommandDefinition(Sql, new { airport, since = since.ToUniversalTime(), timeZone }, cancellationToken: ct))).AsList();
    }

    /// <summary>Open cases by reason code: a case counts once under each code it gives (a code given twice in a case counts once).</summary>
    public async Task<IReadOnlyList<ReasonRow>> LoadOpenReasonsAsync(string airport, CancellationToken ct)
    {
        const string Sql = """
            SELECT reason->>'code' AS Code, count(DISTINCT r.case_number)::int AS Count
              FROM referrals r JOIN kiosks k ON k.kiosk_id = r.kiosk_id, jsonb_array_elements(r.reasons) reason
             WHERE r.closed_at IS NULL AND k.airport = @airport
             GROUP BY 1 ORDER BY 2 DESC, 1
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<ReasonRow>(new CommandDefinition(Sql, new { airport }, cancellationToken: ct))).AsList();
    }

    public async Task<QueueStats> LoadQueueStatsAsync(string airport, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            SELECT count(*)::int AS Open,
                   count(*) FILTER (WHERE r.claimed_by IS NULL)::int AS Unclaimed,
                   (max(extract(epoch FROM (@now - r.raised_at))) / 60)::float8 AS LongestWaitMinutes,
                   (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (@now - r.raised_at))) / 60)::float8 AS MedianWaitMinutes
              FROM referrals r JOIN kiosks k ON k.kiosk_id = r.kiosk_id
             WHERE r.closed_at IS NULL AND k.airport = @airport
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleAsync<QueueStats>(new CommandDefinition(Sql, new { airport, now }, cancellationToken: ct));
    }
}
