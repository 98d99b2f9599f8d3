using Dapper;
using Npgsql;
using PassengerGate.Data.Audit;
using PassengerGate.Domain.PaymentMeans;

namespace PassengerGate.Data.PaymentMeans;

/// <summary>
/// Currency declarations with their assessment (table currency_declarations, decision 0022). Every staff act is
/// written with its audit row in one transaction; status changes are conditional updates so two desks never
/// decide one declaration twice.
/// </summary>
public sealed class CurrencyDeclarationStore(NpgsqlDataSource dataSource)
{
    public sealed record NewDeclaration(string Airport, string Channel, string RecordedBy, DateTimeOffset RecordedAt, CurrencyDeclaration Declaration, CurrencyAssessment Assessment)
    {
        /// <summary>Set for a declaration made at a kiosk: the kiosk, its session and the command that made it (migration 0101).</summary>
        public KioskOrigin? Kiosk { get; init; }
    }

    /// <summary>Where a kiosk declaration came from; <see cref="CommandId"/> makes the kiosk's call idempotent.</summary>
    public sealed record KioskOrigin(string KioskId, Guid SessionId, Guid CommandId);

    public sealed record Row(
        long Id,
        string Airport,
        string Channel,
        string RecordedBy,
        DateTime RecordedAt,
        string Jurisdiction,
        string Direction,
        DateOnly DeclarationDate,
        string? Flight,
        string? BookingReference,
        string? BearerName,
        string? BearerNationality,
        string? BearerDocumentNumber,
        string? Declaration,
        string Assessment,
        string ReportingCurrency,
        decimal Total,
        decimal Threshold,
        bool OverThreshold,
        string Status,
        string? Counted,
        decimal? CountedTotal,
        string? CountedBy,
        DateTime? CountedAt,
        string? CaseOrigin,
        string? CaseIntendedUse,
        decimal? RestrainedAmount,
        DateTime? RestrainedAt,
        DateTime? ReleasedAt,
        string? ReferralNote,
        string? DecidedBy,
        DateTime? DecidedAt,
        string? RetainReason)
    {
        public CurrencyDeclaration? ReadDeclaration() => Declaration is null ? null : CurrencyDeclarationJson.Read(Declaration).Declaration;

        public CurrencyAssessment ReadAssessment() => CurrencyAssessmentJson.Read(Assessment);

        public DeclarationStatus ReadStatus() => Enum.Parse<DeclarationStatus>(Status, ignoreCase: true);

        /// <summary>The row as the FIU export takes it (docs/currency-fiu-export.md).</summary>
        public FiuRecord ToFiuRecord() => new(
            Number(Id),
            Airport,
            Status,
            Channel,
            new DateTimeOffset(DateTime.SpecifyKind(RecordedAt, DateTimeKind.Utc)),
            ReadDeclaration(),
            ReadAssessment(),
            CountedTotal,
            RestrainedAmount,
            CaseOrigin,
            CaseIntendedUse);
    }

    /// <summary>The declaration's number as staff, documents and the FIU see it.</summary>
    public static string Number(long id) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"CD-{id:D6}");

    /// <summary>The outcome staff decide: status, the case details, the cash restrained.</summary>
    public sealed record Outcome(DeclarationStatus Status, string? Origin, string? IntendedUse, decimal? RestrainedAmount, string? ReferralNote, string DecidedBy, DateTimeOffset DecidedAt);

    private const string Columns = """
        id AS Id, airport AS Airport, channel AS Channel, recorded_by AS RecordedBy, recorded_at AS RecordedAt,
        jurisdiction AS Jurisdiction, direction AS Direction, declaration_date AS DeclarationDate, flight AS Flight,
        booking_reference AS BookingReference, bearer_name AS BearerName, bearer_nationality AS BearerNationality,
        bearer_document_number AS BearerDocumentNumber, declaration::text AS Declaration, assessment::text AS Assessment,
        reporting_currency AS ReportingCurrency, total AS Total, threshold AS Threshold, over_threshold AS OverThreshold,
        status AS Status, counted::text AS Counted, counted_total AS CountedTotal, counted_by AS CountedBy, counted_at AS CountedAt,
        case_origin AS CaseOrigin, case_intended_use AS CaseIntendedUse, restrained_amount AS RestrainedAmount,
        restrained_at AS RestrainedAt, released_at AS ReleasedAt, referral_note AS ReferralNote, decided_by AS DecidedBy,
        decided_at AS DecidedAt, retain_reason AS RetainReason
        """;

    public static string StatusName(DeclarationStatus status) => CurrencyDeclarationJson.EnumName(status);

    /// <summary>Stores a declaration with its audit row; returns its number.</summary>
    public async Task<long> AddAsync(NewDeclaration d, Func<long, AuditRecord> audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(audit);
        const string Sql = """
            INSERT INTO currency_declarations (airport, channel, recorded_by, recorded_at, jurisdiction, direction, declaration_date,
                flight, booking_reference, bearer_name, bearer_nationality, bearer_document_number, declaration, assessment,
                reporting_currency, total, threshold, over_threshold, status, retain_reason, kiosk_id, session_id, command_id)
            VALUES (@airport, @channel, @recordedBy, @recordedAt, @jurisdiction, @direction, @declarationDate, @flight, @booking,
                @bearerName, @bearerNationality, @bearerDocument, @declaration::jsonb, @assessment::jsonb, @reportingCurrency,
                @total, @threshold, @overThreshold, 'declared', @retainReason, @kioskId, @sessionId, @commandId)
            RETURNING id
            """;
        var a = d.Assessment;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Sql, new
        {
            airport = d.Airport,
            channel = d.Channel,
            recordedBy = d.RecordedBy,
            recordedAt = d.RecordedAt.UtcDateTime,
            jurisdiction = a.Jurisdiction.ToString(),
            direction = CurrencyDeclarationJson.EnumName(d.Declaration.Direction),
            declarationDate = d.Declaration.DeclarationDate,
            flight = d.Declaration.Flight,
            booking = d.Declaration.BookingReference,
            bearerName = d.Declaration.Bearer.Name,
            bearerNationality = d.Declaration.Bearer.Nationality,
            bearerDocument = d.Declaration.Bearer.DocumentNumber,
            declaration = CurrencyDeclarationJson.Write(d.Declaration),
            assessment = CurrencyAssessmentJson.Write(a),
            reportingCurrency = a.ReportingCurrency.Value,
            total = a.Total,
            threshold = a.Threshold.Value,
            overThreshold = a.OverThreshold,
            retainReason = CurrencyRetention.ReasonToKeep(a.OverThreshold, DeclarationStatus.Declared, flaggedByStructuringScreen: false),
            kioskId = d.Kiosk?.KioskId,
            sessionId = d.Kiosk?.SessionId,
            commandId = d.Kiosk?.CommandId,
        }, tx, cancellationToken: ct));
        await AuditStore.AppendAsync(connection, tx, audit(id), ct);
        await tx.CommitAsync(ct);
        return id;
    }

    /// <summary>The declaration a kiosk command already made, with the kiosk and session it was made for; null when none.</summary>
    public async Task<(long Id, KioskOrigin Origin)?> FindByCommandAsync(Guid commandId, CancellationToken ct)
    {
        const string Sql = "SELECT id AS Id, kiosk_id AS KioskId, session_id AS SessionId FROM currency_declarations WHERE command_id = @commandId";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<CommandRow>(new CommandDefinition(Sql, new { commandId }, cancellationToken: ct));
        return row is null ? null : (row.Id, new KioskOrigin(row.KioskId, row.SessionId, commandId));
    }

    private sealed record CommandRow(long Id, string KioskId, Guid SessionId);

    public async Task<Row?> LoadAsync(long id, CancellationToken ct)
    {
        const string Sql = "SELECT " + Columns + " FROM currency_declarations WHERE id = @id";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Sql, new { id }, cancellationToken: ct));
    }

    /// <summary>An airport's declarations for a range of declaration dates (inclusive), oldest first.</summary>
    public async Task<IReadOnlyList<Row>> LoadRangeAsync(string airport, DateOnly from, DateOnly to, CancellationToken ct)
    {
        const string Sql = "SELECT " + Columns + " FROM currency_declarations WHERE airport = @airport AND declaration_date BETWEEN @from AND @to ORDER BY id";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<Row>(new CommandDefinition(Sql, new { airport, from, to }, cancellationToken: ct))];
    }

    /// <summary>Every airport's declarations for a range (the FIU export from the command line).</summary>
    public async Task<IReadOnlyList<Row>> LoadRangeAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        const string Sql = "SELECT " + Columns + " FROM currency_declarations WHERE declaration_date BETWEEN @from AND @to ORDER BY id";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<Row>(new CommandDefinition(Sql, new { from, to }, cancellationToken: ct))];
    }

    /// <summary>Records staff's count; false when the declaration is not open (already decided) or not found.</summary>
    public async Task<bool> RecordCountAsync(long id, string countedJson, decimal countedTotal, string staff, DateTimeOffset at, AuditRecord audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(audit);
        const string Sql = """
            UPDATE currency_declarations SET counted = @countedJson::jsonb, counted_total = @countedTotal, counted_by = @staff, counted_at = @at
            WHERE id = @id AND status = 'declared'
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(Sql, new { id, countedJson, countedTotal, staff, at = at.UtcDateTime }, tx, cancellationToken: ct)) != 1)
        {
            return false;
        }

        await AuditStore.AppendAsync(connection, tx, audit, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Decides an open declaration; false when it is already decided or not found.</summary>
    public async Task<bool> DecideAsync(long id, Outcome outcome, string? retainReason, AuditRecord audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(audit);
        const string Sql = """
            UPDATE currency_declarations SET status = @status, case_origin = @origin, case_intended_use = @intendedUse,
                restrained_amount = @restrained, restrained_at = CASE WHEN @restrained IS NULL THEN NULL ELSE @at END,
                referral_note = @note, decided_by = @by, decided_at = @at, retain_reason = COALESCE(@retainReason, retain_reason)
            WHERE id = @id AND status = 'declared'
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(Sql, new
        {
            id,
            status = StatusName(outcome.Status),
            origin = outcome.Origin,
            intendedUse = outcome.IntendedUse,
            restrained = outcome.RestrainedAmount,
            note = outcome.ReferralNote,
            by = outcome.DecidedBy,
            at = outcome.DecidedAt.UtcDateTime,
            retainReason,
        }, tx, cancellationToken: ct));
        if (changed != 1)
        {
            return false;
        }

        await AuditStore.AppendAsync(connection, tx, audit, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Releases restrained cash; false when nothing is restrained or it was already released.</summary>
    public async Task<bool> ReleaseAsync(long id, DateTimeOffset at, AuditRecord audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(audit);
        const string Sql = "UPDATE currency_declarations SET released_at = @at WHERE id = @id AND restrained_at IS NOT NULL AND released_at IS NULL";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(Sql, new { id, at = at.UtcDateTime }, tx, cancellationToken: ct)) != 1)
        {
            return false;
        }

        await AuditStore.AppendAsync(connection, tx, audit, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Marks declarations the structuring screen flagged as kept for suspicion (FATF R.32 INR para. 6).</summary>
    public async Task<int> KeepForSuspicionAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        const string Sql = "UPDATE currency_declarations SET retain_reason = 'suspicion' WHERE id = ANY(@ids) AND retain_reason IS DISTINCT FROM 'falseDeclaration' AND retain_reason IS DISTINCT FROM 'suspicion'";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(Sql, new { ids = ids.ToArray() }, cancellationToken: ct));
    }

    /// <summary>
    /// Deletes declarations nothing requires kept recorded before <paramref name="plainBefore"/>, and those kept
    /// under FATF R.32 recorded before <paramref name="keptBefore"/>. Restrained cash not yet released is never purged.
    /// </summary>
    public async Task<(int Plain, int Kept)> PurgeAsync(DateTimeOffset plainBefore, DateTimeOffset keptBefore, CancellationToken ct)
    {
        const string Plain = "DELETE FROM currency_declarations WHERE retain_reason IS NULL AND recorded_at < @before AND (restrained_at IS NULL OR released_at IS NOT NULL)";
        const string Kept = "DELETE FROM currency_declarations WHERE retain_reason IS NOT NULL AND recorded_at < @before AND (restrained_at IS NULL OR released_at IS NOT NULL)";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var plain = await connection.ExecuteAsync(new CommandDefinition(Plain, new { before = plainBefore.UtcDateTime }, cancellationToken: ct));
        var kept = await connection.ExecuteAsync(new CommandDefinition(Kept, new { before = keptBefore.UtcDateTime }, cancellationToken: ct));
        return (plain, kept);
    }
}
