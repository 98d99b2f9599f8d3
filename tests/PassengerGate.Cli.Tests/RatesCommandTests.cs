using System.Text.Json;
using PassengerGate.TestSupport;

namespace PassengerGate.Cli.Tests;

public class RatesCommandTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private const string Unreachable = "Host=127.0.0.1;Port=1;Username=postgres;Timeout=2";

    private Task<CliRunner.Result> Run(params string[] args) =>
        CliRunner.RunAsync(TimeProvider.System, name => name == "PASSENGERGATE_DB" ? db.ConnectionString : null, args);

    [Fact]
    public async Task The_sample_rates_import_once_and_show_as_of_a_day()
    {
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);

        var first = await Run("rates", "import", RiskSampleData.File("rates.csv"));
        var again = await Run("rates", "import", RiskSampleData.File("rates.csv"));
        var show = await Run("rates", "show", "--as-of", "2026-11-25");

        Assert.Equal(0, first.ExitCode);
        // deploy/sample-data/rates.csv holds 4 currencies × 3 weeks.
        Assert.Equal(12, JsonDocument.Parse(first.Out).RootElement.GetProperty("added").GetInt32());
        Assert.Equal(12, JsonDocument.Parse(again.Out).RootElement.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, show.ExitCode);
        var rates = JsonDocument.Parse(show.Out).RootElement.GetProperty("rates").EnumerateArray()
            .Where(r => r.GetProperty("source").GetString()!.StartsWith("SAMPLE", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, rates.Count);
        // rates.csv line 3: USD 2026-11-22..2026-11-28 at 154.85, marked SAMPLE.
        var usd = rates.Single(r => r.GetProperty("currency").GetString() == "USD");
        Assert.Equal(154.85m, usd.GetProperty("yenPerUnit").GetDecimal());
        Assert.Equal("2026-11-22", usd.GetProperty("validFrom").GetString());
    }

    [Theory]
    // 2026-11-29 08:59 JST = 2026-11-28 23:59 UTC and 09:00 JST = 00:00 UTC (Asia/Tokyo is UTC+9 all year): the day is
    // the 29th at the airport both times, so the week from the 29th (test rate 5.10) applies, not the UTC date's (4.85).
    // THB: a currency the sample file does not hold, so the sample import test of this class is unaffected.
    [InlineData("2026-11-28T23:59:00Z")]
    [InlineData("2026-11-29T00:00:00Z")]
    public async Task Without_as_of_rates_show_uses_today_at_the_airport(string instant)
    {
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);
        var file = Path.Combine(Directory.CreateTempSubdirectory("pgate-rates-").FullName, "thb.csv");
        await File.WriteAllTextAsync(file, "currency,validFrom,validTo,yenPerUnit,source\nTHB,2026-11-22,2026-11-28,4.85,test week before\nTHB,2026-11-29,2026-12-05,5.10,test week of the 29th\n");
        await Run("rates", "import", file);
        var clock = new FixedClock(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

        var show = await CliRunner.RunAsync(clock, name => name == "PASSENGERGATE_DB" ? db.ConnectionString : null, "rates", "show");

        Assert.Equal(0, show.ExitCode);
        var json = JsonDocument.Parse(show.Out).RootElement;
        Assert.Equal("2026-11-29", json.GetProperty("asOf").GetString());
        var thb = json.GetProperty("rates").EnumerateArray().Single(r => r.GetProperty("currency").GetString() == "THB");
        Assert.Equal(5.10m, thb.GetProperty("yenPerUnit").GetDecimal());
    }

    /// <summary>One instant is all these tests need.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task A_file_with_a_bad_line_exits_2_names_the_line_and_imports_nothing()
    {
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);
        var file = RiskSampleData.Temp("currency,validFrom,validTo,yenPerUnit,source\nSEK,2026-11-22,2026-11-28,14.1,TEST\nNOK,2026-11-22,2026-11-28,-1,TEST\n");

        var result = await Run("rates", "import", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(":3: yenPerUnit '-1'", result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", result.Error, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM customs_rates WHERE currency IN ('SEK', 'NOK')"));
    }

    [Fact]
    public async Task Rates_that_overlap_stored_ones_exit_2_and_import_nothing()
    {
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);
        Assert.Equal(0, (await Run("rates", "import", RiskSampleData.Temp("currency,validFrom,validTo,yenPerUnit,source\nTHB,2026-11-22,2026-11-28,4.3,TEST\n"))).ExitCode);

        var result = await Run("rates", "import", RiskSampleData.Temp("currency,validFrom,validTo,yenPerUnit,source\nTWD,2026-11-22,2026-11-28,4.8,TEST\nTHB,2026-11-25,2026-12-01,4.4,TEST\n"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("THB 2026-11-22..2026-11-28 and 2026-11-25..2026-12-01", result.Error, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM customs_rates WHERE currency = 'TWD'"));
    }

    [Theory]
    [InlineData("rates", "import")]
    [InlineData("rates", "import", "/no/such/file.csv")]
    [InlineData("rates", "show", "--as-of", "25.11.2026")]
    [InlineData("rates", "show", "extra")]
    public async Task Bad_arguments_exit_2(params string[] args)
    {
        var result = await Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("pgate: ", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_exits_1()
    {
        var result = await Run("rates", "import", RiskSampleData.File("rates.csv"), "--db", Unreachable);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
    }
}
