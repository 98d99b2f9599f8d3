using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using PassengerGate.Data;
using PassengerGate.Data.PreDeclarations;
using PassengerGate.Server.Features.PreDeclarations;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.PreDeclarations;

/// <summary>
/// Unused pre-declarations are deleted 72 hours after their QR expired at the end of the arrival day (decision 0017):
/// Canada's advance declaration is "purged after 72 h" (anchors.md, CBSA PIK PIA annex), counted here from the end of
/// the arrival day so that nothing is purged before the traveller lands.
/// </summary>
public class PurgeUnusedPreDeclarationsTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        var outcome = DatabaseMigrator.Migrate(db.ConnectionString);
        Assert.True(outcome.Successful, outcome.Error);
        _dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        await using var command = _dataSource.CreateCommand("TRUNCATE predeclarations");
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    /// <summary>A QR issued three days before it expires (issue time does not matter for the purge any more).</summary>
    private async Task<Guid> ExpiringAsync(PreDeclarationStore store, DateTimeOffset expiresAt)
    {
        var id = Guid.NewGuid();
        await store.InsertAsync(new(id, null, """{"schemaVersion":1}""", "PGD1:X", "kid", expiresAt.AddDays(-3), expiresAt), default);
        return id;
    }

    private Task<Guid> IssuedAsync(PreDeclarationStore store, DateTimeOffset issuedAt) => ExpiringAsync(store, issuedAt.AddDays(3));

    private static PurgeUnusedPreDeclarations Purge(PreDeclarationStore store, TimeProvider clock) =>
        new(store, clock, Microsoft.Extensions.Options.Options.Create(new PreDeclarationOptions()), NullLogger<PurgeUnusedPreDeclarations>.Instance);

    [Fact]
    public async Task A_pre_declaration_for_25_November_is_kept_72_hours_after_the_end_of_that_day_in_Tokyo_and_purged_one_second_later()
    {
        // The end of 2026-11-25 in Asia/Tokyo (UTC+9, no daylight saving) is 2026-11-25 15:00 UTC; + 72 h = 28 November 15:00 UTC.
        var store = new PreDeclarationStore(_dataSource);
        var expiry = new DateTimeOffset(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);
        var id = await ExpiringAsync(store, expiry);

        Assert.Equal(0, await Purge(store, new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 15, 0, 0, TimeSpan.Zero))).PurgeOnceAsync(default));
        Assert.NotNull(await store.FindAsync(id, default));

        Assert.Equal(1, await Purge(store, new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 15, 0, 1, TimeSpan.Zero))).PurgeOnceAsync(default));
        Assert.Null(await store.FindAsync(id, default));
    }

    [Fact]
    public async Task A_QR_expired_73_hours_ago_is_deleted_and_one_expired_71_hours_ago_is_kept()
    {
        var store = new PreDeclarationStore(_dataSource);
        var old = await ExpiringAsync(store, Now.AddHours(-73));
        var young = await ExpiringAsync(store, Now.AddHours(-71));

        var deleted = await Purge(store, new FakeTimeProvider(Now)).PurgeOnceAsync(default);

        Assert.Equal(1, deleted);
        Assert.Null(await store.FindAsync(old, default));
        Assert.NotNull(await store.FindAsync(young, default));
    }

    [Fact]
    public async Task A_used_pre_declaration_is_deleted_30_days_after_use_with_the_session_data_and_kept_before()
    {
        // Decision 0008: a used pre-declaration lives no longer than the session facts that copy it (30 days, decision 0005).
        var store = new PreDeclarationStore(_dataSource);
        var usedLongAgo = await IssuedAsync(store, Now.AddDays(-33));
        Assert.True(await store.MarkUsedAsync(usedLongAgo, Now.AddDays(-30).AddMinutes(-1), default));
        var usedRecently = await IssuedAsync(store, Now.AddDays(-32));
        Assert.True(await store.MarkUsedAsync(usedRecently, Now.AddDays(-30).AddMinutes(1), default));

        Assert.Equal(1, await Purge(store, new FakeTimeProvider(Now)).PurgeOnceAsync(default));
        Assert.Null(await store.FindAsync(usedLongAgo, default));
        Assert.NotNull(await store.FindAsync(usedRecently, default));
    }

    [Fact]
    public async Task A_used_pre_declaration_is_not_purged_as_unused()
    {
        var store = new PreDeclarationStore(_dataSource);
        var used = await ExpiringAsync(store, Now.AddHours(-73));
        Assert.True(await store.MarkUsedAsync(used, Now.AddHours(-70), default));

        Assert.Equal(0, await Purge(store, new FakeTimeProvider(Now)).PurgeOnceAsync(default));
        Assert.NotNull(await store.FindAsync(used, default));
    }

    [Fact]
    public async Task The_hosted_service_purges_again_when_the_clock_reaches_the_next_interval()
    {
        var store = new PreDeclarationStore(_dataSource);
        var clock = new FakeTimeProvider(Now);
        var old = await ExpiringAsync(store, Now.AddHours(-73));
        var young = await ExpiringAsync(store, Now.AddHours(-71));
        using var purge = Purge(store, clock);
        await purge.StartAsync(default);
        try
        {
            // The run at start removes the old one only; the young one must wait for the clock.
            await WaitUntilAsync(async () => await store.FindAsync(old, default) is null);
            Assert.NotNull(await store.FindAsync(young, default));

            // Two hours later the one expired 71 hours ago expired 73 hours ago; the 10-minute timer fires on the fake clock.
            clock.Advance(TimeSpan.FromHours(2));
            await WaitUntilAsync(async () => await store.FindAsync(young, default) is null);
        }
        finally
        {
            await purge.StopAsync(default);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        // Polls for the background loop's effect; the bound only stops a broken build from hanging.
        for (var i = 0; i < 200; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("the purge did not run");
    }
}
