using Dapper;
using Npgsql;
using PassengerGate.Data.Audit;

namespace PassengerGate.Data.TaxFree;

/// <summary>
/// The red-lane inspection (migration 0122, docs/decisions/0021): records a red departure check left open, staff's
/// mark per item, the close that decides the record (with its outbox event and audit rows, one transaction), and the
/// consumption-tax assessment of the exemption regime with its payment.
/// </summary>
public sealed class TaxFreeInspectionStore(NpgsqlDataSource dataSource)
{
    /// <summary>An inspection with its record (items as stored) and, once closed under the exemption regime, its assessment.</summary>
    public sealed class Row
    {
        public string ShopId { get; init; } = "";

        public string RecordId { get; init; } = "";

        public string Airport { get; init; } = "";

        public DateTime SentAt { get; init; }

        public DateTime? ClosedAt { get; init; }

        public string? ClosedBy { get; init; }

        public string? Result { get; init; }

        public string PassportNumber { get; init; } = "";

        public string Nationality { get; init; } = "";

        public DateTime PurchasedAt { get; init; }

        public string ItemsJson { get; init; } = "[]";

        public string RecordState { get; init; } = "";

        public long? AssessmentId { get; init; }

        public IReadOnlyList<Mark> Marks { get; set; } = [];
    }

    public sealed class Mark
    {
        public string ShopId { get; init; } = "";

        public string RecordId { get; init; } = "";

        public int ItemIndex { get; init; }

        public bool Present { get; init; }

        public string MarkedBy { get; init; } = "";

        public DateTime MarkedAt { get; init; }
    }

    public sealed class Assessment
    {
        public long Id { get; init; }

        public string ShopId { get; init; } = "";

        public string RecordId { get; init; } = "";

        public string Airport { get; init; } = "";

        public string PassportNumber { get; init; } = "";

        public string Nationality { get; init; } = "";

        public string LinesJson { get; init; } = "[]";

        public long TotalTax { get; init; }

        public DateTime IssuedAt { get; init; }

        public string IssuedBy { get; init; } = "";

        public DateTime? PaidAt { get; init; }

        public string? PaidBy { get; init; }

        public string? PaymentMethod { get; init; }

        public string? ReceiptNumber { get; init; }
    }

    /// <summary>An assessment to issue with the close: its lines as JSON (the domain's per-item tax) and the total.</summary>
    public sealed record NewAssessment(string PassportNumber, string Nationality, string LinesJson, long TotalTax);

    private const string Columns = """
        i.shop_id AS ShopId, i.record_id AS RecordId, i.airport AS Airport, i.sent_at AS SentAt, i.closed_at AS ClosedAt,
        i.closed_by AS ClosedBy, i.result AS Result, r.passport_number AS PassportNumber, r.nationality AS Nationality,
        r.purchased_at AS PurchasedAt, r.items::text AS ItemsJson, r.state AS RecordState, a.id AS AssessmentId
          FROM taxfree_inspections i
          JOIN taxfree_records r ON r.shop_id = i.shop_id AND r.record_id = i.record_id
          LEFT JOIN taxfree_assessments a ON a.shop_id = i.shop_id AND a.record_id = i.record_id
        """;

    private const string AssessmentColumns = """
        id AS Id, shop_id AS ShopId, record_id AS RecordId, airport AS Airport, passport_number AS PassportNumber,
        nationality AS Nationality, lines::text AS LinesJson, total_tax AS TotalTax, issued_at AS IssuedAt, issued_by AS IssuedBy,
        paid_at AS PaidAt, paid_by AS PaidBy, payment_method AS PaymentMethod, receipt_number AS ReceiptNumber
        """;

    /// <summary>Puts records a red check left open on the airport's worklist; a record already there stays as it is.</summary>
    public async Task<int> SendAsync(string airport, IReadOnlyList<(string ShopId, string RecordId)> records, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        const string Sql = """
            INSERT INTO taxfree_inspections (shop_id, record_id, airport, sent_at) VALUES (@ShopId, @RecordId, @airport, @at)
            ON CONFLICT (shop_id, record_id) DO NOTHING
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var added = 0;
        foreach (var (shopId, recordId) in records)
        {
            added += await connection.ExecuteAsync(new CommandDefinition(Sql, new { ShopId = shopId, RecordId = recordId, airport, at = at.ToUniversalTime() }, tx, cancellationToken: ct));
        }

        await tx.CommitAsync(ct);
        return added;
    }

    /// <summary>The airport's inspections still to close whose record is still undecided, oldest first.</summary>
    public async Task<IReadOnlyList<Row>> OpenAtAsync(string airport, CancellationToken ct)
    {
        const string Sql = "SELECT " + Columns + """
             WHERE i.airport = @airport AND i.closed_at IS NULL AND r.state IN ('open', 'ineligible')
             ORDER BY i.sent_at, i.shop_id, i.record_id
            """;
        const string Marks = """
            SELECT m.shop_id AS ShopId, m.record_id AS RecordId, m.item_index AS ItemIndex, m.present AS Present, m.marked_by AS MarkedBy, m.marked_at AS MarkedAt
              FROM taxfree_inspection_marks m JOIN taxfree_inspections i ON i.shop_id = m.shop_id AND i.record_id = m.record_id
             WHERE i.airport = @airport AND i.closed_at IS NULL
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(Sql, new { airport }, cancellationToken: ct))).AsList();
        var marks = (await connection.QueryAsync<Mark>(new CommandDefinition(Marks, new { airport }, cancellationToken: ct))).ToLookup(m => (m.ShopId, m.RecordId));
        foreach (var row in rows)
        {
            row.Marks = [.. marks[(row.ShopId, row.RecordId)].OrderBy(m => m.ItemIndex)];
        }

        return rows;
    }

    public async Task<Row?> LoadAsync(string shopId, string recordId, CancellationToken ct)
    {
        const string Sql = "SELECT " + Columns + " WHERE i.shop_id = @shopId AND i.record_id = @recordId";
        const string Marks = """
            SELECT shop_id AS ShopId, record_id AS RecordId, item_index AS ItemIndex, present AS Present, marked_by AS MarkedBy, marked_at AS MarkedAt
              FROM taxfree_inspection_marks WHERE shop_id = @shopId AND record_id = @recordId ORDER BY item_index
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Sql, new { shopId, recordId }, cancellationToken: ct));
        if (row is not null)
        {
            row.Marks = (await connection.QueryAsync<Mark>(new CommandDefinition(Marks, new { shopId, recordId }, cancellationToken: ct))).AsList();
        }

        return row;
    }

    /// <summary>Marks one item present or missing while the inspection is open, with its audit row; false when it is closed.</summary>
    public async Task<bool> MarkAsync(string shopId, string recordId, int itemIndex, bool present, string staff, DateTimeOffset at, AuditRecord audit, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO taxfree_inspection_marks (shop_id, record_id, item_index, present, marked_by, marked_at)
            SELECT shop_id, record_id, @itemIndex, @present, @staff, @at FROM taxfree_inspections
             WHERE shop_id = @shopId AND record_id = @recordId AND closed_at IS NULL
            ON CONFLICT (shop_id, record_id, item_index) DO UPDATE SET present = EXCLUDED.present, marked_by = EXCLUDED.marked_by, marked_at = EXCLUDED.marked_at
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // The inspection row is locked first, so a close cannot slip between the check and the mark.
        const string Lock = "SELECT 1 FROM taxfree_inspections WHERE shop_id = @shopId AND record_id = @recordId AND closed_at IS NULL FOR UPDATE";
        if (await connection.ExecuteScalarAsync<int?>(new CommandDefinition(Lock, new { shopId, recordId }, tx, cancellationToken: ct)) is null
            || await connection.ExecuteAsync(new CommandDefinition(Sql, new { shopId, recordId, itemIndex, present, staff, at = at.ToUniversalTime() }, tx, cancellationToken: ct)) != 1)
        {
            await tx.RollbackAsync(ct);
            return false;
        }

        await AuditStore.AppendAsync(connection, tx, audit, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Closes the inspection with its result, decides the record and queues its event, issues the assessment when there
    /// is one, and appends the audit rows (the assessment's id is handed to <paramref name="audits"/>): all in one
    /// transaction, or nothing (false) when the inspection was closed or the record decided meanwhile.
    /// </summary>
    public async Task<bool> CloseAsync(
        string shopId,
        string recordId,
        string result,
        string staff,
        IReadOnlyList<TaxFreeOutboxStore.Decision> decisions,
        DateTimeOffset at,
        NewAssessment? assessment,
        Func<long?, IReadOnlyList<AuditRecord>> audits,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(audits);
        const string Close = """
            UPDATE taxfree_inspections SET closed_at = @at, closed_by = @staff, result = @result
             WHERE shop_id = @shopId AND record_id = @recordId AND closed_at IS NULL
            """;
        const string Assess = """
            INSERT INTO taxfree_assessments (shop_id, record_id, airport, passport_number, nationality, lines, total_tax, issued_at, issued_by)
            SELECT shop_id, record_id, airport, @PassportNumber, @Nationality, @LinesJson::jsonb, @TotalTax, @at, @staff
              FROM taxfree_inspections WHERE shop_id = @shopId AND record_id = @recordId
            RETURNING id
            """;
        var utc = at.ToUniversalTime();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(Close, new { shopId, recordId, result, staff, at = utc }, tx, cancellationToken: ct)) != 1
            || !await TaxFreeOutboxStore.DecideAsync(connection, tx, decisions, at, ct))
        {
            await tx.RollbackAsync(ct);
            return false;
        }

        long? assessmentId = null;
        if (assessment is not null)
        {
            assessmentId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Assess, new
            {
                shopId,
                recordId,
                assessment.PassportNumber,
                assessment.Nationality,
                assessment.LinesJson,
                assessment.TotalTax,
                at = utc,
                staff,
            }, tx, cancellationToken: ct));
        }

        foreach (var audit in audits(assessmentId))
        {
            await AuditStore.AppendAsync(connection, tx, audit, ct);
        }

        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<Assessment?> LoadAssessmentAsync(long id, CancellationToken ct)
    {
        const string Sql = "SELECT " + AssessmentColumns + " FROM taxfree_assessments WHERE id = @id";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Assessment>(new CommandDefinition(Sql, new { id }, cancellationToken: ct));
    }

    /// <summary>Records the tax paid, once, with its audit row; false when it was recorded already.</summary>
    public async Task<bool> RecordPaymentAsync(long id, string method, string? receiptNumber, string staff, DateTimeOffset at, AuditRecord audit, CancellationToken ct)
    {
        const string Sql = """
            UPDATE taxfree_assessments SET paid_at = @at, paid_by = @staff, payment_method = @method, receipt_number = @receiptNumber
             WHERE id = @id AND paid_at IS NULL
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(Sql, new { id, method, receiptNumber, staff, at = at.ToUniversalTime() }, tx, cancellationToken: ct)) != 1)
        {
            await tx.RollbackAsync(ct);
            return false;
        }

        await AuditStore.AppendAsync(connection, tx, audit, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Assessments issued on a passport: earlier irregularities for the lane rules (docs/taxfree-rules.md §5).</summary>
    public async Task<int> CountAssessmentsAsync(string passportNumber, string nationality, CancellationToken ct)
    {
        const string Sql = "SELECT count(*)::int FROM taxfree_assessments WHERE passport_number = @passportNumber AND nationality = @nationality";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(Sql, new { passportNumber, nationality }, cancellationToken: ct));
    }
}
