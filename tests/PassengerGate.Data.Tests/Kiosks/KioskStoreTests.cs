using Npgsql;
using PassengerGate.Data.Kiosks;
using PassengerGate.TestSupport;

namespace PassengerGate.Data.Tests.Kiosks;

public class KioskStoreTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private NpgsqlDataSource _dataSource = null!;

    public Task InitializeAsync()
    {
        Assert.True(DatabaseMigrator.Migrate(db.ConnectionString).Successful);
        _dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    [Fact]
    public async Task A_registered_kiosk_keeps_only_the_hash_and_can_be_revoked()
    {
        var store = new KioskStore(_dataSource);
        var hash = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        await store.RegisterAsync("NRT-T1-A01", hash, "Narita T1 arrivals", At, default);

        var found = await store.FindCredentialAsync("NRT-T1-A01", default);
        Assert.NotNull(found);
        Assert.Equal(hash, found.CredentialHash);
        Assert.Null(found.RevokedAt);

        Assert.True(await store.RevokeAsync("NRT-T1-A01", At.AddHours(1), default));
        Assert.Equal(At.AddHours(1).UtcDateTime, (await store.FindCredentialAsync("NRT-T1-A01", default))!.RevokedAt);
        Assert.False(await store.RevokeAsync("NO-SUCH-KIOSK", At, default));
    }

    [Fact]
    public async Task A_kiosk_id_with_spaces_is_refused_by_the_schema()
    {
        var store = new KioskStore(_dataSource);
        await Assert.ThrowsAsync<PostgresException>(() => store.RegisterAsync("bad id", new byte[32], "", At, default));
    }
}
