using PassengerGate.TestSupport;

namespace PassengerGate.Data.Tests;

public class MigrationTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Migrating_twice_applies_each_script_once()
    {
        var first = DatabaseMigrator.Migrate(db.ConnectionString);
        var second = DatabaseMigrator.Migrate(db.ConnectionString);

        Assert.True(first.Successful, first.Error);
        Assert.Contains(first.Applied, s => s.Contains("0001_", StringComparison.Ordinal));
        Assert.True(second.Successful, second.Error);
        Assert.Empty(second.Applied);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM schemaversions WHERE scriptname LIKE '%0001_%'"));
    }
}
