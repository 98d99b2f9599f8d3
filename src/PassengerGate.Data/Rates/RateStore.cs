using Dapper;
using Npgsql;
using PassengerGate.Data.Caching;
using PassengerGate.Data.Risk;
using PassengerGate.Domain.Currency;

namespace PassengerGate.Data.Rates;

/// <summary>
/// The customs weekly rate table (DOMAIN.md §2 "Conversion": never a live rate, a dated table). A table is imported
/// whole or not at all; a rate already stored for the same currency and start date is replaced, so importing a
/// file again changes nothing.
/// </summary>
public sealed class RateStore(NpgsqlDataSource dataSource, ReferenceDataCache? cache = null)
{
    private const string CacheTable = "customs_rates";

    private sealed record RateRow(string Currency, DateOnly ValidFrom, DateOnly ValidTo, decimal YenPerUnit, string Source);

    private sealed record OverlapRow(string Currency, DateOnly AFrom, DateOnly ATo, DateOnly BFrom, DateOnly BTo);

    /// <summary>
    /// Stores every rate of <paramref name="table"/> in one transaction. Throws <see cref="RateOverlapException"/>
    /// (and stores nothing) when a rate would overlap a stored rate of the same currency that starts on another day.
    /// </summary>
    public async Task<ImportCounts> ImportRatesAsync(CustomsRateTable table, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        const string Upsert = """
            INSERT INTO customs_rates (currency, valid_from, valid_to, yen_per_unit, source, imported_at)
            VALUES (@currency, @validFrom, @validTo, @yenPerUnit, @source, @at)
            ON CONFLICT (currency, valid_from) DO UPDATE
               SET valid_to = EXCLUDED.valid_to, yen_per_unit = EXCLUDED.yen_per_unit, source = EXCLUDED.source, imported_at = EXCLUDED.imported_at
             WHERE (customs_rates.valid_to, customs_rates.yen_per_unit, customs_rates.source)
                   IS DISTINCT FROM (EXCLUDED.valid_to, EXCLUDED.yen_per_unit, EXCLUDED.source)
            RETURNING (xmax = 0) AS inserted
            """;
        const string Overlaps = """
            SELECT a.currency AS Currency, a.valid_from AS AFrom, a.valid_to AS ATo, b.valid_from AS BFrom, b.valid_to AS BTo
              FROM customs_rates a
              JOIN customs_rates b ON a.currency = b.currency AND a.valid_from < b.valid_from AND b.valid_from <= a.valid_to
             WHERE a.currency = ANY(@currencies)
             ORDER BY a.currency, a.valid_from
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
        int added = 0, changed = 0;
        foreach (var rate in table.Rates)
        {
            var inserted = await connection.QuerySingleOrDefaultAsync<bool?>(new CommandDefinition(
                Upsert,
                new
                {
                    currency = rate.Currency.Value,
                    validFrom = rate.ValidFrom,
                    validTo = rate.ValidTo,
                    yenPerUnit = rate.YenPerUnit,
                    source = rate.Source,
                    at,
                },
                transaction,
                cancellationToken: ct));
            added += inserted == true ? 1 : 0;
            changed += inserted == false ? 1 : 0;
        }

        var currencies = table.Rates.Select(r => r.Currency.Value).Distinct(StringComparer.Ordinal).ToArray();
        var overlaps = (await connection.QueryAsync<OverlapRow>(new CommandDefinition(Overlaps, new { currencies }, transaction, cancellationToken: ct))).AsList();
        if (overlaps.Count > 0)
        {
            await transaction.RollbackAsync(ct);
            throw new RateOverlapException(overlaps.Select(o => string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{o.Currency} {o.AFrom:yyyy-MM-dd}..{o.ATo:yyyy-MM-dd} and {o.BFrom:yyyy-MM-dd}..{o.BTo:yyyy-MM-dd}")).ToList());
        }

        await transaction.CommitAsync(ct);
        cache?.Invalidate(CacheTable);
        return new ImportCounts(added, changed, table.Rates.Count - added - changed);
    }

    /// <summary>The rates in force on any day from <paramref name="from"/> to <paramref name="to"/> inclusive, as a table.</summary>
    public Task<CustomsRateTable> LoadRateTableAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        cache is null
            ? ReadRateTableAsync(from, to, ct)
            : cache.GetAsync(CacheTable, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd}/{to:yyyy-MM-dd}"), c => ReadRateTableAsync(from, to, c), ct);

    private async Task<CustomsRateTable> ReadRateTableAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        const string Sql = """
            SELECT currency AS Currency, valid_from AS ValidFrom, valid_to AS ValidTo, yen_per_unit AS YenPerUnit, source AS Source
              FROM customs_rates
             WHERE valid_from <= @to AND valid_to >= @from
             ORDER BY currency, valid_from
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<RateRow>(new CommandDefinition(Sql, new { from = from, to = to }, cancellationToken: ct));
        return new CustomsRateTable(rows.Select(r => new ExchangeRate(
            CurrencyCode.Parse(r.Currency), r.ValidFrom, r.ValidTo, r.YenPerUnit, r.Source)));
    }

    /// <summary>The rates in force on <paramref name="asOf"/>.</summary>
    public Task<CustomsRateTable> LoadRateTableAsync(DateOnly asOf, CancellationToken ct) => LoadRateTableAsync(asOf, asOf, ct);
}
