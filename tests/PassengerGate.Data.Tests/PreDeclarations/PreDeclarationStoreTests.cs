using Npgsql;
using PassengerGate.Data.PreDeclarations;
using PassengerGate.TestSupport;

namespace PassengerGate.Data.Tests.PreDeclarations;

public class PreDeclarationStoreTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private const string Declaration = """{"schemaVersion": 1, "groupId": "family-1"}""";
    private NpgsqlDataSource _dataSource = null!;

    public Task InitializeAsync()
    {
        var outcome = DatabaseMigrator.Migrate(db.ConnectionString);
        Assert.True(outcome.Successful, outcome.Error);
        _dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    private static PreDeclarationStore.NewPreDeclaration New(DateTimeOffset issuedAt, string? groupId = "family-1") =>
        new(Guid.NewGuid(), groupId, Declaration, "PGD1:ABC", "a2lkLWtpZA==", issuedAt, issuedAt.AddHours(72));

    [Fact]
    public async Task A_stored_pre_declaration_reads_back_with_its_QR_text_and_group()
    {
        var store = new PreDeclarationStore(_dataSource);
        var p = New(At);

        await store.InsertAsync(p, default);
        var row = await store.FindAsync(p.PreDeclarationId, default);

        Assert.NotNull(row);
        Assert.Equal("PGD1:ABC", row.QrText);
        Assert.Equal("family-1", row.GroupId);
        Assert.Equal(At.UtcDateTime, row.IssuedAt);
        Assert.Equal(At.AddHours(72).UtcDateTime, row.ExpiresAt);
        Assert.Contains("\"groupId\": \"family-1\"", row.DeclarationJson, StringComparison.Ordinal);
        Assert.Null(row.UsedAt);
        Assert.Null(await store.FindAsync(Guid.NewGuid(), default));
    }

    [Fact]
    public async Task A_pre_declaration_is_used_once()
    {
        var store = new PreDeclarationStore(_dataSource);
        var p = New(At);
        await store.InsertAsync(p, default);

        Assert.True(await store.MarkUsedAsync(p.PreDeclarationId, At.AddHours(5), default));
        Assert.False(await store.MarkUsedAsync(p.PreDeclarationId, At.AddHours(6), default));
        Assert.Equal(At.AddHours(5).UtcDateTime, (await store.FindAsync(p.PreDeclarationId, default))!.UsedAt);
    }

    [Fact]
    public async Task Deleting_unused_expired_ones_keeps_used_and_unexpired_ones()
    {
        var store = new PreDeclarationStore(_dataSource);
        var oldUnused = New(At.AddHours(-100));
        var oldUsed = New(At.AddHours(-100));
        var newer = New(At.AddHours(-1));
        foreach (var p in new[] { oldUnused, oldUsed, newer })
        {
            await store.InsertAsync(p, default);
        }

        await store.MarkUsedAsync(oldUsed.PreDeclarationId, At.AddHours(-99), default);

        // oldUnused expired at At-28h, newer expires at At+71h (New: 72 h after issue).
        Assert.Equal(0, await store.DeleteUnusedExpiredBeforeAsync(At.AddHours(-28), default));
        Assert.Equal(1, await store.DeleteUnusedExpiredBeforeAsync(At.AddHours(-20), default));
        Assert.Null(await store.FindAsync(oldUnused.PreDeclarationId, default));
        Assert.NotNull(await store.FindAsync(oldUsed.PreDeclarationId, default));
        Assert.NotNull(await store.FindAsync(newer.PreDeclarationId, default));
    }

    [Fact]
    public async Task A_signing_key_generation_is_stored_once_even_when_two_nodes_race()
    {
        var store = new SigningKeyStore(_dataSource);
        SigningKeyStore.SigningKeyRow Key(string kid, byte seed) => new(
            kid, 1, [seed, 1], [seed, 2], At.UtcDateTime, At.AddDays(30).UtcDateTime, At.AddDays(33).UtcDateTime, At.UtcDateTime);

        Assert.True(await store.TryInsertAsync(Key("node-a", 1), default));
        Assert.False(await store.TryInsertAsync(Key("node-b", 2), default));

        var stored = Assert.Single(await store.LoadAllAsync(default));
        Assert.Equal("node-a", stored.Kid);
        Assert.Equal(new byte[] { 1, 1 }, stored.PrivateKeyPkcs8);
        Assert.Equal(At.AddDays(33).UtcDateTime, stored.NotAfter);
    }
}
