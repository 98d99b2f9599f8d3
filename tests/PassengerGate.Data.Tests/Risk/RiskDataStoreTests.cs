using Npgsql;
using PassengerGate.Data.Risk;
using PassengerGate.Domain.Risk;
using PassengerGate.TestSupport;

namespace PassengerGate.Data.Tests.Risk;

public class RiskDataStoreTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 11, 25);
    private NpgsqlDataSource _dataSource = null!;

    public Task InitializeAsync()
    {
        Assert.True(DatabaseMigrator.Migrate(db.ConnectionString).Successful);
        _dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    [Fact]
    public async Task Watchlist_entries_round_trip_and_a_reimport_updates_instead_of_duplicating()
    {
        var store = new RiskDataStore(_dataSource);
        WatchlistEntry[] entries =
        [
            new() { Kind = WatchlistKind.LostStolen, DocumentNumber = "RT0000001", IssuingState = "UTO", Reason = "stolen", Source = "round-trip list", ValidFrom = Day.AddDays(-10) },
            new() { Kind = WatchlistKind.Watchlist, Surname = "Müller", GivenNames = "Hans", DateOfBirth = new DateOnly(1964, 8, 12), Reason = "of interest", Source = "round-trip list", ValidFrom = Day.AddDays(-10), ValidTo = Day.AddDays(10) },
            new() { Kind = WatchlistKind.Watchlist, DocumentNumber = "RT0000002", Reason = "expired", Source = "round-trip list", ValidFrom = Day.AddDays(-10), ValidTo = Day.AddDays(-1) },
        ];

        Assert.Equal(new ImportCounts(3, 0, 0), await store.UpsertWatchlistEntriesAsync(entries, At, default));
        Assert.Equal(new ImportCounts(0, 0, 3), await store.UpsertWatchlistEntriesAsync(entries, At, default));
        Assert.Equal(new ImportCounts(0, 1, 2), await store.UpsertWatchlistEntriesAsync([entries[0] with { Reason = "stolen (updated)" }, entries[1], entries[2]], At, default));

        var loaded = (await store.LoadWatchlistAsync(Day, default)).Where(e => e.Source == "round-trip list").ToList();
        Assert.Equal([entries[0] with { Reason = "stolen (updated)" }, entries[1]], loaded);
        Assert.Equal(3L, await db.ScalarAsync<long>("SELECT count(*) FROM watchlist_entries WHERE source = 'round-trip list'"));
    }

    [Fact]
    public async Task Importing_the_same_APIS_manifest_twice_changes_nothing()
    {
        var store = new RiskDataStore(_dataSource);
        AdvancePassengerRecord[] manifest =
        [
            new("ZZ1", Day, "ERIKSSON ANNA MARIA", "L898902C3", "UTO", "ABC123"),
            new("ZZ1", Day, "MUSTERMANN ERIKA", "C01X00T47", "DEU", ""),
            new("ZZ1", Day.AddDays(1), "MUSTERMANN ERIKA", "C01X00T47", "DEU", ""),
        ];

        Assert.Equal(new ImportCounts(3, 0, 0), await store.ImportApisAsync(manifest, At, default));
        Assert.Equal(new ImportCounts(0, 0, 3), await store.ImportApisAsync(manifest, At.AddHours(1), default));

        var loaded = await store.LoadApisAsync("ZZ1", Day, default);
        Assert.Equal([manifest[1], manifest[0]], loaded);
        Assert.Equal(3L, await db.ScalarAsync<long>("SELECT count(*) FROM apis_records WHERE flight = 'ZZ1'"));
    }

    [Fact]
    public async Task Rules_are_saved_as_new_versions_and_the_latest_is_loaded()
    {
        var store = new RiskDataStore(_dataSource);
        var first = RiskRulesJson.Read("""
            { "randomSelectionRate": 0.02, "rules": [ { "id": "lost", "kind": "documentLostOrStolen", "reason": "lost or stolen", "validFrom": "2026-01-01", "source": "test" } ] }
            """).RuleSet!;
        var second = first with { RandomSelectionRate = 0.05 };

        var v1 = await store.SaveRulesAsync(first, At, default);
        var v2 = await store.SaveRulesAsync(second, At.AddMinutes(1), default);

        Assert.True(v2 > v1);
        var loaded = await store.LoadRulesAsync(default);
        Assert.NotNull(loaded);
        Assert.Equal(v2, loaded.Version);
        Assert.Equal(0.05, loaded.RuleSet.RandomSelectionRate);
        Assert.Equal("lost", Assert.Single(loaded.RuleSet.Rules).Id);
        Assert.Equal(At.AddMinutes(1), loaded.SavedAt);
        await Assert.ThrowsAsync<PostgresException>(() => db.ScalarAsync<int>("DELETE FROM risk_rule_versions"));
    }

    [Fact]
    public async Task Rotating_seeds_closes_the_previous_one_and_the_seed_in_force_follows_the_date()
    {
        var store = new RiskDataStore(_dataSource);
        var secret1 = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var secret2 = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
        await store.CreateSeedAsync(new SelectionSeed("seed-a", secret1, new DateOnly(2026, 11, 1), null), At, default);
        await store.CreateSeedAsync(new SelectionSeed("seed-b", secret2, new DateOnly(2026, 11, 20), null), At, default);

        var before = await store.CurrentSeedAsync(new DateOnly(2026, 11, 19), default);
        var after = await store.CurrentSeedAsync(new DateOnly(2026, 11, 20), default);

        Assert.Equal("seed-a", before!.Id);
        Assert.Equal(new DateOnly(2026, 11, 19), before.ValidTo);
        Assert.Equal(secret1, before.Secret.ToArray());
        Assert.Equal("seed-b", after!.Id);
        Assert.Equal(secret2, (await store.FindSeedAsync("seed-b", default))!.Secret.ToArray());
        Assert.Null(await store.CurrentSeedAsync(new DateOnly(2026, 10, 31), default));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.CreateSeedAsync(new SelectionSeed("seed-c", secret1, new DateOnly(2026, 11, 20), null), At, default));
    }

    [Fact]
    public async Task The_inputs_of_one_arrival_come_from_one_call()
    {
        var store = new RiskDataStore(_dataSource);
        var day = new DateOnly(2027, 3, 3);
        await store.ImportApisAsync([new("QQ7", day, "ROE RICHARD", "QQ0000070", "UTO", "")], At, default);
        await store.UpsertWatchlistEntriesAsync(
            [new() { Kind = WatchlistKind.LostStolen, DocumentNumber = "QQ0000071", Reason = "stolen", Source = "inputs list", ValidFrom = day }], At, default);

        var inputs = await store.LoadInputsAsync("QQ7", day, day, default);

        Assert.Equal("QQ0000070", Assert.Single(inputs.Manifest).DocumentNumber);
        Assert.Contains(inputs.Watchlist, e => e.Source == "inputs list");
        Assert.Empty(await store.LoadApisAsync("QQ7", day.AddDays(1), default));
    }
}
