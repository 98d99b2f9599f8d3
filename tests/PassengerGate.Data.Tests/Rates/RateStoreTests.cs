using Npgsql;
using PassengerGate.Data.Rates;
using PassengerGate.Data.Risk;
using PassengerGate.Domain.Currency;
using PassengerGate.TestSupport;

namespace PassengerGate.Data.Tests.Rates;

public class RateStoreTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private NpgsqlDataSource _dataSource = null!;

    // Rates are test values, not published ones; only the dating and the arithmetic of the lookup are under test.
    private const string Csv = """
        currency,validFrom,validTo,yenPerUnit,source
        USD,2026-11-15,2026-11-21,150.25,TEST data
        USD,2026-11-22,2026-11-28,151.5,TEST data
        EUR,2026-11-22,2026-11-28,162.125,TEST data, with a comma
        """;

    public Task InitializeAsync()
    {
        Assert.True(DatabaseMigrator.Migrate(db.ConnectionString).Successful);
        _dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    [Fact]
    public async Task A_rate_table_round_trips_and_a_reimport_changes_nothing()
    {
        var store = new RateStore(_dataSource);
        var table = CustomsRateTable.FromCsv(Csv).Table!;

        Assert.Equal(new ImportCounts(3, 0, 0), await store.ImportRatesAsync(table, At, default));
        Assert.Equal(new ImportCounts(0, 0, 3), await store.ImportRatesAsync(table, At, default));

        var loaded = await store.LoadRateTableAsync(new DateOnly(2026, 11, 25), default);
        Assert.Equal(2, loaded.Rates.Count);
        Assert.Equal(151.5m, loaded.Find(CurrencyCode.Parse("USD"), new DateOnly(2026, 11, 25))!.YenPerUnit);
        Assert.Equal("TEST data, with a comma", loaded.Find(CurrencyCode.Parse("EUR"), new DateOnly(2026, 11, 28))!.Source);
        // 100 EUR at 162.125 yen = 16,212.5 yen; YenRounding drops the fraction (customs rounds converted values down).
        Assert.Equal(16212m, loaded.ToYen(new Money(100m, CurrencyCode.Parse("EUR")), new DateOnly(2026, 11, 25)).Yen);

        var window = await store.LoadRateTableAsync(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 22), default);
        Assert.Equal(3, window.Rates.Count);
    }

    [Fact]
    public async Task A_table_that_overlaps_stored_rates_is_refused_whole()
    {
        var store = new RateStore(_dataSource);
        await store.ImportRatesAsync(CustomsRateTable.FromCsv("""
            currency,validFrom,validTo,yenPerUnit,source
            GBP,2026-11-15,2026-11-21,190,TEST data
            """).Table!, At, default);
        var overlapping = CustomsRateTable.FromCsv("""
            currency,validFrom,validTo,yenPerUnit,source
            CHF,2026-11-15,2026-11-21,170,TEST data
            GBP,2026-11-18,2026-11-24,191,TEST data
            """).Table!;

        var ex = await Assert.ThrowsAsync<RateOverlapException>(() => store.ImportRatesAsync(overlapping, At, default));

        Assert.Contains("GBP 2026-11-15..2026-11-21 and 2026-11-18..2026-11-24", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM customs_rates WHERE currency = 'CHF'"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM customs_rates WHERE currency = 'GBP'"));
    }
}
