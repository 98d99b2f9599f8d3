using System.Text.Json;
using PassengerGate.Domain.TaxFree;
using PassengerGate.TestSupport;

namespace PassengerGate.Cli.Tests;

/// <summary>
/// `pgate shop …`, `pgate taxfree import` and `pgate taxfree check` (issue 12). Expected days from DOMAIN.md §5 rule 5:
/// bought 2026-11-01 ⇒ confirmable until 2027-01-30 and not after, in Japan time.
/// </summary>
public class TaxFreeCommandTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private Task<CliRunner.Result> Run(params string[] args) =>
        CliRunner.RunAsync(TimeProvider.System, name => name == "PASSENGERGATE_DB" ? db.ConnectionString : null, args);

    private static string Line(string id, string passport, string purchasedAt = "2026-11-01T14:00:00+09:00", long price = 60_000) =>
        $$"""{"recordId":"{{id}}","passportNumber":"{{passport}}","nationality":"USA","purchasedAt":"{{purchasedAt}}","items":[{"description":"Bag","quantity":1,"unitPrice":{{price}},"tax":{{price / 10}}}]}""";

    private async Task<string> ShopAsync(string shopId)
    {
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);
        var added = await Run("shop", "add", shopId, "--name", "Test shop", "--webhook", "https://shop.example/hook");
        Assert.Equal(0, added.ExitCode);
        return JsonDocument.Parse(added.Out).RootElement.GetProperty("apiKey").GetString()!;
    }

    [Fact]
    public async Task Shop_add_prints_the_key_once_and_stores_only_its_hash_and_list_never_shows_it()
    {
        var key = await ShopAsync("cli-shop-1");

        var stored = await db.ScalarAsync<string>("SELECT encode(key_hash, 'hex') FROM taxfree_shops WHERE shop_id = 'cli-shop-1'");
        Assert.Equal(Convert.ToHexStringLower(ShopApiKey.Hash(key)), stored);
        var list = await Run("shop", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.DoesNotContain(key, list.Out, StringComparison.Ordinal);
        Assert.Contains("cli-shop-1", list.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await Run("shop", "revoke", "cli-shop-1")).ExitCode);
        Assert.Equal(1, (await Run("shop", "revoke", "cli-shop-1")).ExitCode);
    }

    [Fact]
    public async Task Import_takes_valid_lines_and_reports_each_rejected_row_with_its_line_and_reason()
    {
        await ShopAsync("cli-shop-2");
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file,
        [
            Line("IMP-1", "IM0000001"),
            Line("IMP-2", "IM0000002"),
            """{"recordId":"IMP-3","passportNumber":"IM0000003","nationality":"USA","purchasedAt":"2026-11-01T14:00:00+09:00","items":[]}""",
            Line("IMP-1", "IM0000001"),
        ]);

        var result = await Run("taxfree", "import", file, "--shop", "cli-shop-2");
        var again = await Run("taxfree", "import", file, "--shop", "cli-shop-2");
        File.Delete(file);

        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(2, json.GetProperty("imported").GetInt64());
        var rejected = json.GetProperty("rejectedRows").EnumerateArray().Select(r => r.GetProperty("line").GetInt64()).ToList();
        Assert.Equal([3L, 4L], rejected);
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM taxfree_records WHERE shop_id = 'cli-shop-2'"));
        // Importing the same file again takes nothing: every id is the shop's already.
        Assert.Equal(0, JsonDocument.Parse(again.Out).RootElement.GetProperty("imported").GetInt64());
    }

    [Fact]
    public async Task Check_shows_a_1_November_record_confirmable_on_30_January_and_expired_on_31_January_in_Japan_time()
    {
        await ShopAsync("cli-shop-3");
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, [Line("CHK-1", "CK1234567")]);
        Assert.Equal(0, (await Run("taxfree", "import", file, "--shop", "cli-shop-3")).ExitCode);
        var rules = Path.GetTempFileName();
        await File.WriteAllTextAsync(rules, """{"randomRate":0}""");

        var lastDay = await Run("taxfree", "check", "--passport", "CK1234567", "--nationality", "USA", "--at", "2027-01-30T23:59:00+09:00", "--rules", rules);
        // 15:00 UTC on 30 Jan is 00:00 on 31 Jan in Japan.
        var dayAfter = await Run("taxfree", "check", "--passport", "CK1234567", "--nationality", "USA", "--at", "2027-01-30T15:00:00Z", "--rules", rules);
        File.Delete(file);
        File.Delete(rules);

        Assert.Equal(0, lastDay.ExitCode);
        var first = JsonDocument.Parse(lastDay.Out).RootElement;
        var record = Assert.Single(first.GetProperty("records").EnumerateArray());
        Assert.Equal("confirmable", record.GetProperty("status").GetString());
        Assert.Equal("2027-01-30", record.GetProperty("lastConfirmableDay").GetString());
        Assert.Equal("green", first.GetProperty("lane").GetString());
        var second = JsonDocument.Parse(dayAfter.Out).RootElement;
        var expired = Assert.Single(second.GetProperty("records").EnumerateArray());
        Assert.Equal("expired", expired.GetProperty("status").GetString());
        Assert.Equal(["confirmationWindowOver"], expired.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory]
    [InlineData("taxfree", "check", "--nationality", "USA")]
    [InlineData("taxfree", "check", "--passport", "CK1", "--nationality", "QQQ")]
    [InlineData("taxfree", "check", "--passport", "CK1", "--nationality", "USA", "--at", "2027-01-30T12:00:00")]
    [InlineData("taxfree", "check", "--passport", "CK1", "--nationality", "USA", "--at", "yesterday")]
    [InlineData("shop", "add", "has space", "--name", "x")]
    [InlineData("shop", "add", "s1")]
    [InlineData("taxfree", "import", "/nonexistent/file.jsonl", "--shop", "s1")]
    public async Task Bad_arguments_exit_2_with_a_message(params string[] args)
    {
        var result = await Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("pgate: ", result.Error, StringComparison.Ordinal);
    }
}
