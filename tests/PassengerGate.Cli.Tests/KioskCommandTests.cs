using System.Text.Json;
using PassengerGate.Domain.Kiosks;
using PassengerGate.TestSupport;

namespace PassengerGate.Cli.Tests;

public class KioskCommandTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private Task<CliRunner.Result> Run(params string[] args) =>
        CliRunner.RunAsync(TimeProvider.System, name => name == "PASSENGERGATE_DB" ? db.ConnectionString : null, args);

    [Fact]
    public async Task Register_prints_the_credential_once_and_stores_only_its_hash()
    {
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);

        var result = await Run("kiosk", "register", "HND-T3-07", "--location", "Haneda T3");

        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Out).RootElement;
        var token = json.GetProperty("credential").GetString();
        var credential = KioskCredential.Parse(token);
        Assert.NotNull(credential);
        Assert.Equal("HND-T3-07", credential.KioskId);
        var storedHex = await db.ScalarAsync<string>("SELECT encode(credential_hash, 'hex') FROM kiosks WHERE kiosk_id = 'HND-T3-07'");
        Assert.Equal(Convert.ToHexStringLower(credential.SecretHash), storedHex);
        Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM kiosks WHERE position('{credential.Secret}' in credential_hash::text) > 0"));
    }

    [Fact]
    public async Task List_shows_a_revoked_kiosk_as_revoked_and_never_a_credential()
    {
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);
        var registered = await Run("kiosk", "register", "KIX-01");
        var token = JsonDocument.Parse(registered.Out).RootElement.GetProperty("credential").GetString()!;
        Assert.Equal(0, (await Run("kiosk", "revoke", "KIX-01")).ExitCode);

        var list = await Run("kiosk", "list");

        Assert.Equal(0, list.ExitCode);
        var kiosk = JsonDocument.Parse(list.Out).RootElement.GetProperty("kiosks").EnumerateArray().Single(k => k.GetProperty("kioskId").GetString() == "KIX-01");
        Assert.True(kiosk.GetProperty("revoked").GetBoolean());
        Assert.DoesNotContain(KioskCredential.Parse(token)!.Secret, list.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kiosk", "register")]
    [InlineData("kiosk", "register", "has space")]
    [InlineData("kiosk", "register", "K1", "--bogus", "x")]
    [InlineData("kiosk", "revoke")]
    [InlineData("kiosk", "list", "extra")]
    public async Task Bad_arguments_exit_2_with_a_message_on_stderr(params string[] args)
    {
        var result = await Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("pgate: ", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Revoking_an_unknown_kiosk_fails_with_exit_1()
    {
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);
        var result = await Run("kiosk", "revoke", "NOPE");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no kiosk 'NOPE'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_database_the_command_says_how_to_give_one()
    {
        var result = await CliRunner.RunAsync(TimeProvider.System, _ => null, "kiosk", "list");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("PASSENGERGATE_DB", result.Error, StringComparison.Ordinal);
    }
}
