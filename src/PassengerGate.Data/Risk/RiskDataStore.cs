using Dapper;
using Npgsql;
using PassengerGate.Data.Caching;
using PassengerGate.Domain.Risk;

namespace PassengerGate.Data.Risk;

/// <summary>
/// Watchlist and lost/stolen entries, APIS manifests, versioned risk rules and random-selection seeds. Imports are
/// one transaction each and keyed so that importing the same file twice changes nothing.
/// </summary>
public sealed class RiskDataStore(NpgsqlDataSource dataSource, ReferenceDataCache? cache = null)
{
    private const string WatchlistTable = "watchlist_entries";
    private const string RulesTable = "risk_rule_versions";
    private const string SeedsTable = "selection_seeds";

    private sealed record WatchlistRow(
        string Kind, string DocumentNumber, string IssuingState, string Surname, string GivenNames, DateOnly? DateOfBirth,
        string Reason, string Source, DateOnly ValidFrom, DateOnly? ValidTo);

    private sealed record ApisRow(string Flight, DateOnly FlightDate, string Name, string DocumentNumber, string Nationality, string BookingReference);

    private sealed record RulesRow(int Version, DateTime SavedAt, string Rules);

    private sealed record SeedRow(string SeedId, byte[] Secret, DateOnly ValidFrom, DateOnly? ValidTo);

    /// <summary>The entries in force on <paramref name="asOf"/>.</summary>
    public Task<IReadOnlyList<WatchlistEntry>> LoadWatchlistAsync(DateOnly asOf, CancellationToken ct) =>
        cache is null ? ReadWatchlistAsync(asOf, ct) : cache.GetAsync(WatchlistTable, DayKey(asOf), c => ReadWatchlistAsync(asOf, c), ct);

    private async Task<IReadOnlyList<WatchlistEntry>> ReadWatchlistAsync(DateOnly asOf, CancellationToken ct)
    {
        const string Sql = """
            SELECT kind AS Kind, document_number AS DocumentNumber, issuing_state AS IssuingState, surname AS Surname,
                   given_names AS GivenNames, date_of_birth AS DateOfBirth, reason AS Reason, source AS Source,
                   valid_from AS ValidFrom, valid_to AS ValidTo
              FROM watchlist_entries
             WHERE valid_from <= @asOf AND (valid_to IS NULL OR valid_to >= @asOf)
             ORDER BY entry_id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<WatchlistRow>(new CommandDefinition(Sql, new { asOf = asOf }, cancellationToken: ct));
        return rows.Select(r => new WatchlistEntry
        {
            Kind = WatchlistEntry.ParseKind(r.Kind) ?? throw new InvalidDataException($"unknown watchlist kind '{r.Kind}' in the database"),
            DocumentNumber = r.DocumentNumber,
            IssuingState = r.IssuingState,
            Surname = r.Surname,
            GivenNames = r.GivenNames,
            DateOfBirth = r.DateOfBirth,
            Reason = r.Reason,
            Source = r.Source,
            ValidFrom = r.ValidFrom,
            ValidTo = r.ValidTo,
        }).ToList();
    }

    /// <summary>Adds the entries, or updates reason and dates of an entry already listed (same kind, document, person and source).</summary>
    public async Task<ImportCounts> UpsertWatchlistEntriesAsync(IReadOnlyList<WatchlistEntry> entries, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entries);
        const string Sql = """
            INSERT INTO watchlist_entries (kind, document_number, issuing_state, surname, given_names, date_of_birth, reason, source, valid_from, valid_to, imported_at)
            VALUES (@kind, @documentNumber, @issuingState, @surname, @givenNames, @dateOfBirth, @reason, @source, @validFrom, @validTo, @at)
            ON CONFLICT (kind, document_number, issuing_state, surname, given_names, date_of_birth, source) DO UPDATE
               SET reason = EXCLUDED.reason, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, imported_at = EXCLUDED.imported_at
             WHERE (watchlist_entries.reason, watchlist_entries.valid_from, watchlist_entries.valid_to)
                   IS DISTINCT FROM (EXCLUDED.reason, EXCLUDED.valid_from, EXCLUDED.valid_to)
            RETURNING (xmax = 0) AS inserted
            """;
        var counts = await UpsertAllAsync(entries, Sql, e => new
        {
            kind = WatchlistEntry.KindName(e.Kind),
            documentNumber = e.DocumentNumber,
            issuingState = e.IssuingState,
            surname = e.Surname,
            givenNames = e.GivenNames,
            dateOfBirth = e.DateOfBirth,
            reason = e.Reason,
            source = e.Source,
            validFrom = e.ValidFrom,
            validTo = e.ValidTo,
            at,
        }, ct);
        cache?.Invalidate(WatchlistTable);
        return counts;
    }

    /// <summary>The manifest of one flight (canonical designator, <see cref="FlightNumber.Normalise"/>) on one date.</summary>
    public async Task<IReadOnlyList<AdvancePassengerRecord>> LoadApisAsync(string flight, DateOnly date, CancellationToken ct)
    {
        const string Sql = """
            SELECT flight AS Flight, flight_date AS FlightDate, name AS Name, document_number AS DocumentNumber,
                   nationality AS Nationality, booking_reference AS BookingReference
              FROM apis_records WHERE flight = @flight AND flight_date = @date ORDER BY document_number
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<ApisRow>(new CommandDefinition(Sql, new { flight, date = date }, cancellationToken: ct));
        return rows.Select(r => new AdvancePassengerRecord(r.Flight, r.FlightDate, r.Name, r.DocumentNumber, r.Nationality, r.BookingReference)).ToList();
    }

    /// <summary>The advance passenger records of one document (normalised) on one arrival date, on any flight.</summary>
    public async Task<IReadOnlyList<AdvancePassengerRecord>> FindApisByDocumentAsync(string documentNumber, DateOnly date, CancellationToken ct)
    {
        const string Sql = """
            SELECT flight AS Flight, flight_date AS FlightDate, name AS Name, document_number AS DocumentNumber,
                   nationality AS Nationality, booking_reference AS BookingReference
              FROM apis_records WHERE document_number = @documentNumber AND flight_date = @date ORDER BY flight
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<ApisRow>(new CommandDefinition(Sql, new { documentNumber, date }, cancellationToken: ct));
        return rows.Select(r => new AdvancePassengerRecord(r.Flight, r.FlightDate, r.Name, r.DocumentNumber, r.Nationality, r.BookingReference)).ToList();
    }

    /// <summary>Deletes the advance passenger records of flights that arrived before <paramref name="before"/>; returns how many.</summary>
    public async Task<int> DeleteApisBeforeAsync(DateOnly before, CancellationToken ct)
    {
        const string Sql = "DELETE FROM apis_records WHERE flight_date < @before";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(Sql, new { before }, cancellationToken: ct));
    }

    /// <summary>Stores a manifest; a record already there for the flight, date and document is updated, so a re-import changes nothing.</summary>
    public async Task<ImportCounts> ImportApisAsync(IReadOnlyList<AdvancePassengerRecord> records, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        const string Sql = """
            INSERT INTO apis_records (flight, flight_date, document_number, name, nationality, booking_reference, imported_at)
            VALUES (@flight, @date, @documentNumber, @name, @nationality, @bookingReference, @at)
            ON CONFLICT (flight, flight_date, document_number) DO UPDATE
               SET name = EXCLUDED.name, nationality = EXCLUDED.nationality, booking_reference = EXCLUDED.booking_reference, imported_at = EXCLUDED.imported_at
             WHERE (apis_records.name, apis_records.nationality, apis_records.booking_reference)
                   IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.nationality, EXCLUDED.booking_reference)
            RETURNING (xmax = 0) AS inserted
            """;
        return await UpsertAllAsync(records, Sql, r => new
        {
            flight = r.Flight,
            date = r.Date,
            documentNumber = r.DocumentNumber,
            name = r.Name,
            nationality = r.Nationality,
            bookingReference = r.BookingReference,
            at,
        }, ct);
    }

    /// <summary>The rules in force (the latest version), or null when none were ever set.</summary>
    public Task<StoredRuleSet?> LoadRulesAsync(CancellationToken ct) =>
        cache is null ? ReadRulesAsync(ct) : cache.GetAsync(RulesTable, "latest", ReadRulesAsync, ct);

    private async Task<StoredRuleSet?> ReadRulesAsync(CancellationToken ct)
    {
        const string Sql = "SELECT version AS Version, saved_at AS SavedAt, rules::text AS Rules FROM risk_rule_versions ORDER BY version DESC LIMIT 1";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<RulesRow>(new CommandDefinition(Sql, cancellationToken: ct));
        if (row is null)
        {
            return null;
        }

        var read = RiskRulesJson.Read(row.Rules);
        return read.RuleSet is { } set
            ? new StoredRuleSet(row.Version, new DateTimeOffset(row.SavedAt, TimeSpan.Zero), set)
            : throw new InvalidDataException($"stored risk rules version {row.Version} no longer read: " + string.Join("; ", read.Errors.Select(e => e.Path + ": " + e.Message)));
    }

    /// <summary>Saves the rule set as a new version (older versions are kept) and returns its number.</summary>
    public async Task<int> SaveRulesAsync(RiskRuleSet ruleSet, DateTimeOffset at, CancellationToken ct)
    {
        const string Sql = "INSERT INTO risk_rule_versions (rules, saved_at) VALUES (CAST(@rules AS jsonb), @at) RETURNING version";
        int version;
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            version = await connection.ExecuteScalarAsync<int>(new CommandDefinition(Sql, new { rules = RiskRulesJson.Write(ruleSet), at }, cancellationToken: ct));
        }

        cache?.Invalidate(RulesTable);
        return version;
    }

    /// <summary>The seed in force on <paramref name="asOf"/> (of those covering it, the one that started last), or null.</summary>
    public Task<SelectionSeed?> CurrentSeedAsync(DateOnly asOf, CancellationToken ct) =>
        cache is null ? ReadCurrentSeedAsync(asOf, ct) : cache.GetAsync(SeedsTable, DayKey(asOf), c => ReadCurrentSeedAsync(asOf, c), ct);

    private async Task<SelectionSeed?> ReadCurrentSeedAsync(DateOnly asOf, CancellationToken ct)
    {
        const string Sql = """
            SELECT seed_id AS SeedId, secret AS Secret, valid_from AS ValidFrom, valid_to AS ValidTo
              FROM selection_seeds
             WHERE valid_from <= @asOf AND (valid_to IS NULL OR valid_to >= @asOf)
             ORDER BY valid_from DESC LIMIT 1
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<SeedRow>(new CommandDefinition(Sql, new { asOf = asOf }, cancellationToken: ct));
        return row is null ? null : ToSeed(row);
    }

    /// <summary>A seed by id, for an auditor recomputing a recorded draw.</summary>
    public async Task<SelectionSeed?> FindSeedAsync(string seedId, CancellationToken ct)
    {
        const string Sql = "SELECT seed_id AS SeedId, secret AS Secret, valid_from AS ValidFrom, valid_to AS ValidTo FROM selection_seeds WHERE seed_id = @seedId";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<SeedRow>(new CommandDefinition(Sql, new { seedId }, cancellationToken: ct));
        return row is null ? null : ToSeed(row);
    }

    /// <summary>
    /// Stores a new seed and, in the same transaction, ends the seeds in force before it on the day before it starts.
    /// Rotation only goes forward: a seed starting on or before an existing seed's start is refused, so a draw
    /// already made can always be recomputed with the seed that made it.
    /// </summary>
    public async Task CreateSeedAsync(SelectionSeed seed, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(seed);
        const string Latest = "SELECT max(valid_from) FROM selection_seeds";
        const string Close = "UPDATE selection_seeds SET valid_to = @end WHERE valid_from < @from AND (valid_to IS NULL OR valid_to >= @from)";
        const string Insert = """
            INSERT INTO selection_seeds (seed_id, secret, valid_from, valid_to, created_at)
            VALUES (@seedId, @secret, @from, @to, @at)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
        var latest = await connection.ExecuteScalarAsync<DateOnly?>(new CommandDefinition(Latest, transaction: transaction, cancellationToken: ct));
        if (latest is { } l && l >= seed.ValidFrom)
        {
            throw new InvalidOperationException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a seed already starts on {l:yyyy-MM-dd}; a new seed must start later"));
        }

        var from = seed.ValidFrom;
        await connection.ExecuteAsync(new CommandDefinition(Close, new { from, end = seed.ValidFrom.AddDays(-1) }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            Insert,
            new { seedId = seed.Id, secret = seed.Secret.ToArray(), from, to = seed.ValidTo, at },
            transaction,
            cancellationToken: ct));
        await transaction.CommitAsync(ct);
        cache?.Invalidate(SeedsTable);
    }

    /// <summary>
    /// Everything one arrival's risk check reads (<see cref="ArrivalRiskCheck.Run"/>): the rules in force, the
    /// watchlist in force on <paramref name="asOf"/>, the manifest of <paramref name="flight"/> on
    /// <paramref name="flightDate"/> and the seed in force on <paramref name="asOf"/>.
    /// </summary>
    public async Task<RiskInputs> LoadInputsAsync(string flight, DateOnly flightDate, DateOnly asOf, CancellationToken ct)
    {
        var rules = await LoadRulesAsync(ct);
        var watchlist = await LoadWatchlistAsync(asOf, ct);
        var manifest = await LoadApisAsync(flight, flightDate, ct);
        var seed = await CurrentSeedAsync(asOf, ct);
        return new RiskInputs(rules?.RuleSet, watchlist, manifest, seed);
    }

    private static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static SelectionSeed ToSeed(SeedRow row) =>
        new(row.SeedId, row.Secret, row.ValidFrom, row.ValidTo);

    private async Task<ImportCounts> UpsertAllAsync<T>(IReadOnlyList<T> items, string sql, Func<T, object> parameters, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        int added = 0, changed = 0;
        foreach (var item in items)
        {
            var inserted = await connection.QuerySingleOrDefaultAsync<bool?>(new CommandDefinition(sql, parameters(item), transaction, cancellationToken: ct));
            if (inserted == true)
            {
                added++;
            }
            else if (inserted == false)
            {
                changed++;
            }
        }

        await transaction.CommitAsync(ct);
        return new ImportCounts(added, changed, items.Count - added - changed);
    }
}
