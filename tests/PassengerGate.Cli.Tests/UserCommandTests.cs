using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using PassengerGate.TestSupport;

namespace PassengerGate.Cli.Tests;

public class UserCommandTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private Task<CliRunner.Result> Run(params string[] args) => RunWithInput(null, args);

    private Task<CliRunner.Result> RunWithInput(string? stdin, params string[] args) =>
        CliRunner.RunWithInputAsync(TimeProvider.System, name => name switch { "PASSENGERGATE_DB" => db.ConnectionString, "USER" => "ops", _ => null }, stdin, args);

    [Fact]
    public async Task Add_without_password_stdin_prints_a_generated_password_once_and_stores_only_a_hash()
    {
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);

        var result = await Run("user", "add", "first-admin", "--role", "administrator", "--airport", "NRT");

        Assert.Equal(0, result.ExitCode);
        var password = JsonDocument.Parse(result.Out).RootElement.GetProperty("password").GetString()!;
        Assert.True(password.Length >= 16);
        var hash = (await db.ScalarAsync<string>("SELECT password_hash FROM staff_accounts WHERE user_name = 'first-admin'"))!;
        Assert.DoesNotContain(password, hash, StringComparison.Ordinal);
        // Checked with ASP.NET Core Identity's own verifier, not with the code under test.
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<string>().VerifyHashedPassword("", hash, password));
        Assert.Equal("administrator", await db.ScalarAsync<string>("SELECT role FROM staff_accounts WHERE user_name = 'first-admin'"));
        Assert.Equal("cli:ops", await db.ScalarAsync<string>("SELECT actor FROM audit_events WHERE action = 'user.created' AND subject = 'staff:first-admin'"));

        var list = await Run("user", "list");
        Assert.DoesNotContain(password, list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(hash, list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_with_password_stdin_uses_that_password_and_prints_none()
    {
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);

        var result = await RunWithInput("a long enough secret\n", "user", "add", "kix-officer", "--role", "officer", "--airport", "KIX", "--terminal", "1", "--password-stdin");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(result.Out).RootElement.GetProperty("password").ValueKind);
        var hash = (await db.ScalarAsync<string>("SELECT password_hash FROM staff_accounts WHERE user_name = 'kix-officer'"))!;
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<string>().VerifyHashedPassword("", hash, "a long enough secret"));
        Assert.Equal("1", await db.ScalarAsync<string>("SELECT terminal FROM staff_accounts WHERE user_name = 'kix-officer'"));
    }

    [Fact]
    public async Task Disable_and_reset_password_change_the_account_and_are_audited()
    {
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);
        Assert.Equal(0, (await Run("user", "add", "sup-1", "--role", "supervisor", "--airport", "NRT")).ExitCode);
        var before = await db.ScalarAsync<string>("SELECT password_hash FROM staff_accounts WHERE user_name = 'sup-1'");

        Assert.Equal(0, (await Run("user", "disable", "sup-1")).ExitCode);
        var reset = await Run("user", "reset-password", "sup-1");

        Assert.Equal(0, reset.ExitCode);
        Assert.True(await db.ScalarAsync<bool>("SELECT disabled_at IS NOT NULL FROM staff_accounts WHERE user_name = 'sup-1'"));
        Assert.NotEqual(before, await db.ScalarAsync<string>("SELECT password_hash FROM staff_accounts WHERE user_name = 'sup-1'"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE subject = 'staff:sup-1' AND action = 'user.disabled'"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE subject = 'staff:sup-1' AND action = 'user.password_reset'"));
        Assert.Equal(1, (await Run("user", "disable", "nobody")).ExitCode);
    }

    [Theory]
    [InlineData("user", "add", "x")]
    [InlineData("user", "add", "x", "--role", "pilot", "--airport", "NRT")]
    [InlineData("user", "add", "x", "--role", "officer", "--airport", "narita")]
    [InlineData("user", "add", "Upper", "--role", "officer", "--airport", "NRT")]
    [InlineData("user", "add", "x", "--role", "officer", "--airport", "NRT", "--password-stdin")]
    public async Task Bad_arguments_exit_2(params string[] args)
    {
        var result = await RunWithInput("short\n", args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("pgate: ", result.Error, StringComparison.Ordinal);
    }
}

/// <summary>`pgate audit verify` on a clean trail, then after a row is changed behind the service's back.</summary>
public class AuditVerifyAlteredRowTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private Task<CliRunner.Result> Run(params string[] args) =>
        CliRunner.RunAsync(TimeProvider.System, name => name == "PASSENGERGATE_DB" ? db.ConnectionString : null, args);

    [Fact]
    public async Task Verify_passes_on_a_clean_trail_and_names_the_first_altered_row()
    {
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);
        foreach (var name in new[] { "a1", "a2", "a3", "a4" })
        {
            Assert.Equal(0, (await Run("user", "add", name, "--role", "officer", "--airport", "NRT")).ExitCode);
        }

        var clean = await Run("audit", "verify");
        Assert.Equal(0, clean.ExitCode);
        // The class shares one database: the other test may have added its own rows first.
        Assert.Equal(await db.ScalarAsync<long>("SELECT count(*) FROM audit_events"), JsonDocument.Parse(clean.Out).RootElement.GetProperty("rowsChecked").GetInt64());

        // The trigger forbids updates; a superuser can still switch triggers off. The chain catches it.
        await db.ScalarAsync<object>("SET session_replication_role = replica; UPDATE audit_events SET subject = 'staff:mallory' WHERE id = 2; SET session_replication_role = origin;");

        var altered = await Run("audit", "verify");

        Assert.Equal(1, altered.ExitCode);
        Assert.Equal(2, JsonDocument.Parse(altered.Out).RootElement.GetProperty("firstBadRow").GetInt64());
        Assert.Contains("row 2", altered.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trail_refuses_updates_and_deletes_through_sql()
    {
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);
        Assert.Equal(0, (await Run("user", "add", "t1", "--role", "officer", "--airport", "NRT")).ExitCode);
        await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => db.ScalarAsync<object>("DELETE FROM audit_events"));
        await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => db.ScalarAsync<object>("UPDATE audit_events SET actor = 'x'"));
    }
}

public class AuditVerifyDeletedRowTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private Task<CliRunner.Result> Run(params string[] args) =>
        CliRunner.RunAsync(TimeProvider.System, name => name == "PASSENGERGATE_DB" ? db.ConnectionString : null, args);

    [Fact]
    public async Task Verify_names_the_row_after_a_deleted_one()
    {
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);
        foreach (var name in new[] { "d1", "d2", "d3", "d4" })
        {
            Assert.Equal(0, (await Run("user", "add", name, "--role", "officer", "--airport", "NRT")).ExitCode);
        }

        Assert.Equal(0, (await Run("audit", "verify")).ExitCode);
        await db.ScalarAsync<object>("SET session_replication_role = replica; DELETE FROM audit_events WHERE id = 3; SET session_replication_role = origin;");

        var deleted = await Run("audit", "verify");

        Assert.Equal(1, deleted.ExitCode);
        var report = JsonDocument.Parse(deleted.Out).RootElement;
        Assert.Equal(4, report.GetProperty("firstBadRow").GetInt64());
        Assert.Contains("row 3 is missing", report.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }
}
