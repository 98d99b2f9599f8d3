using System.Text.Json;
using PassengerGate.TestSupport;

namespace PassengerGate.Cli.Tests;

/// <summary>
/// `pgate audit verify` after the newest rows are deleted behind the service's back: a shorter chain is still a
/// valid chain by itself, so only the chain head (kept by the insert trigger) can tell that rows are gone.
/// </summary>
public class AuditVerifyTailTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private Task<CliRunner.Result> Run(params string[] args) =>
        CliRunner.RunAsync(TimeProvider.System, name => name == "PASSENGERGATE_DB" ? db.ConnectionString : null, args);

    [Fact]
    public async Task Verify_fails_naming_the_last_row_after_it_is_deleted() => await DeleteNewestAndVerifyAsync(1);

    internal async Task DeleteNewestAndVerifyAsync(int rowsDeleted)
    {
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);
        foreach (var name in new[] { "t1", "t2", "t3" })
        {
            Assert.Equal(0, (await Run("user", "add", $"{name}-{rowsDeleted}", "--role", "officer", "--airport", "NRT")).ExitCode);
        }

        Assert.Equal(0, (await Run("audit", "verify")).ExitCode);
        var last = await db.ScalarAsync<long>("SELECT max(id) FROM audit_events");
        var firstDeleted = last - rowsDeleted + 1;
        await db.ScalarAsync<object>($"SET session_replication_role = replica; DELETE FROM audit_events WHERE id >= {firstDeleted}; SET session_replication_role = origin;");

        var truncated = await Run("audit", "verify");

        Assert.Equal(1, truncated.ExitCode);
        var report = JsonDocument.Parse(truncated.Out).RootElement;
        Assert.False(report.GetProperty("valid").GetBoolean());
        Assert.Equal(firstDeleted, report.GetProperty("firstBadRow").GetInt64());
        Assert.Contains($"row {firstDeleted} is missing", report.GetProperty("problem").GetString(), StringComparison.Ordinal);

        // Appending again does not hide the gap: the head moves only onto the row after it, so the append is refused.
        Assert.NotEqual(0, (await Run("user", "add", $"late-{rowsDeleted}", "--role", "officer", "--airport", "NRT")).ExitCode);
        Assert.Equal(1, (await Run("audit", "verify")).ExitCode);
    }

}

public class AuditVerifyTwoTailRowsTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Verify_fails_naming_the_first_of_the_two_newest_rows_after_both_are_deleted() =>
        await new AuditVerifyTailTests(db).DeleteNewestAndVerifyAsync(2);
}

public class AuditChainHeadGuardTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private Task<CliRunner.Result> Run(params string[] args) =>
        CliRunner.RunAsync(TimeProvider.System, name => name == "PASSENGERGATE_DB" ? db.ConnectionString : null, args);

    [Fact]
    public async Task The_chain_head_refuses_to_move_back_or_be_deleted()
    {
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);
        Assert.Equal(0, (await Run("user", "add", "h1", "--role", "officer", "--airport", "NRT")).ExitCode);
        Assert.Equal(0, (await Run("user", "add", "h2", "--role", "officer", "--airport", "NRT")).ExitCode);
        await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => db.ScalarAsync<object>("UPDATE audit_chain_head SET last_id = last_id - 1"));
        await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => db.ScalarAsync<object>("DELETE FROM audit_chain_head"));
        Assert.Equal(0, (await Run("audit", "verify")).ExitCode);
    }
}
