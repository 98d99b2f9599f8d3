using Npgsql;
using PassengerGate.Data.Caching;
using PassengerGate.Data.Kiosks;
using PassengerGate.Data.Risk;
using PassengerGate.TestSupport;

namespace PassengerGate.Data.Tests.Caching;

/// <summary>
/// Decision 0028: the service's copy of reference data is served only while it listens for changes, and a change
/// made by anyone — another node, pgate, a hand-typed statement — is announced by the table's trigger and forgets
/// the copy.
/// </summary>
public sealed class ReferenceDataCacheTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly CancellationTokenSource _stop = new();
    private NpgsqlDataSource _dataSource = null!;
    private ReferenceDataCache _cache = null!;
    private Task _listening = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Assert.True(DatabaseMigrator.Migrate(db.ConnectionString).Successful);
        _dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        _cache = new ReferenceDataCache();
        _listening = _cache.ListenAsync(db.ConnectionString, null, _stop.Token);
        await WaitUntilAsync(() => _cache.IsListening);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _listening;
        _stop.Dispose();
        await _dataSource.DisposeAsync();
    }

    [Fact]
    public async Task A_value_is_read_once_while_nothing_changes()
    {
        var reads = 0;
        Task<int> Load(CancellationToken ct) => Task.FromResult(Interlocked.Increment(ref reads));

        Assert.Equal(1, await _cache.GetAsync("customs_rates", "a", Load, default));
        Assert.Equal(1, await _cache.GetAsync("customs_rates", "a", Load, default));
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task Without_its_listening_connection_the_cache_serves_nothing()
    {
        var idle = new ReferenceDataCache();
        var reads = 0;
        Task<int> Load(CancellationToken ct) => Task.FromResult(Interlocked.Increment(ref reads));

        await idle.GetAsync("kiosks", "a", Load, default);
        await idle.GetAsync("kiosks", "a", Load, default);

        Assert.False(idle.IsListening);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task A_change_announced_while_a_value_was_being_read_is_not_kept()
    {
        var reads = 0;
        async Task<int> LoadWhileChanging(CancellationToken ct)
        {
            _cache.Invalidate("selection_seeds");
            await Task.Yield();
            return Interlocked.Increment(ref reads);
        }

        await _cache.GetAsync("selection_seeds", "day", LoadWhileChanging, default);
        await _cache.GetAsync("selection_seeds", "day", ct => Task.FromResult(Interlocked.Increment(ref reads)), default);

        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task An_entry_older_than_its_maximum_age_is_read_again()
    {
        var shortLived = new ReferenceDataCache(TimeSpan.FromMilliseconds(1));
        using var stop = new CancellationTokenSource();
        var listening = shortLived.ListenAsync(db.ConnectionString, null, stop.Token);
        await WaitUntilAsync(() => shortLived.IsListening);
        var reads = 0;
        Task<int> Load(CancellationToken ct) => Task.FromResult(Interlocked.Increment(ref reads));

        await shortLived.GetAsync("kiosks", "a", Load, default);
        await Task.Delay(20);
        await shortLived.GetAsync("kiosks", "a", Load, default);

        Assert.Equal(2, reads);
        await stop.CancelAsync();
        await listening;
    }

    [Fact]
    public async Task A_kiosk_revoked_by_another_process_is_seen_revoked_without_restarting()
    {
        var cached = new KioskStore(_dataSource, _cache);
        var elsewhere = new KioskStore(_dataSource); // as `pgate kiosk revoke` does, in its own process
        await cached.RegisterAsync("CACHE-K1", new byte[32], "test", At, default);
        Assert.Null((await cached.FindCredentialAsync("CACHE-K1", default))!.RevokedAt);
        Assert.Null((await cached.FindCredentialAsync("CACHE-K1", default))!.RevokedAt);

        var before = _cache.NotificationsReceived;
        Assert.True(await elsewhere.RevokeAsync("CACHE-K1", At.AddHours(1), default));
        await WaitUntilAsync(() => _cache.NotificationsReceived > before);

        Assert.NotNull((await cached.FindCredentialAsync("CACHE-K1", default))!.RevokedAt);
    }

    [Fact]
    public async Task A_hand_typed_statement_on_the_watchlist_is_announced_too()
    {
        var cached = new RiskDataStore(_dataSource, _cache);
        var day = new DateOnly(2026, 11, 25);
        var before = (await cached.LoadWatchlistAsync(day, default)).Count;

        var announced = _cache.NotificationsReceived;
        await db.ScalarAsync<int>("""
            INSERT INTO watchlist_entries (kind, document_number, issuing_state, surname, given_names, reason, source, valid_from, imported_at)
            VALUES ('watchlist', 'XH0000001', 'UTO', 'HAND', 'TYPED', 'test', 'test', '2026-11-01', now())
            """);
        await WaitUntilAsync(() => _cache.NotificationsReceived > announced);

        Assert.Equal(before + 1, (await cached.LoadWatchlistAsync(day, default)).Count);
    }

    [Fact]
    public async Task A_heartbeat_does_not_announce_a_credential_change()
    {
        var heard = new System.Collections.Concurrent.ConcurrentQueue<string>();
        _cache.Changed += heard.Enqueue;
        var store = new KioskStore(_dataSource);
        await store.RegisterAsync("CACHE-K2", new byte[32], "test", At, default);
        await MarkAsync("registered");
        await WaitUntilAsync(() => heard.Contains("registered"));
        Assert.Contains("kiosks", heard);
        heard.Clear();

        // The heartbeat's update, then a marker: notifications arrive in commit order, so when the marker has
        // arrived any notification of the heartbeat would have arrived before it.
        await using (var connection = await _dataSource.OpenConnectionAsync())
        {
            await using var heartbeat = new NpgsqlCommand("UPDATE kiosks SET last_seen_at = now(), status = 'online' WHERE kiosk_id = 'CACHE-K2'", connection);
            Assert.Equal(1, await heartbeat.ExecuteNonQueryAsync());
        }

        await MarkAsync("heartbeat-done");
        await WaitUntilAsync(() => heard.Contains("heartbeat-done"));
        Assert.Equal(["heartbeat-done"], heard.ToArray());
        _cache.Changed -= heard.Enqueue;
    }

    private async Task MarkAsync(string marker)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var notify = new NpgsqlCommand($"SELECT pg_notify('{ReferenceDataCache.Channel}', '{marker}')", connection);
        await notify.ExecuteNonQueryAsync();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "waited too long");
            await Task.Delay(10);
        }
    }
}
