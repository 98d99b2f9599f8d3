using System.Text.Json;

namespace PassengerGate.Cli.Tests;

public sealed class CurrencyAssessCommandTests : IDisposable
{
    // [S25] (domain-japan.md §2): USD 1 = ¥155.45 for the customs week 4–10 Aug 2024. EUR is a made-up test rate.
    private const string RatesCsv = """
        currency,validFrom,validTo,yenPerUnit,source
        USD,2024-08-04,2024-08-10,155.45,"Customs Answer 1406, week of 4-10 Aug 2024"
        EUR,2024-08-04,2024-08-10,160.00,test rate (made-up)
        """;

    private readonly string dir = Directory.CreateTempSubdirectory("pgate-currency-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static string Declaration(string instruments, string date = "2024-08-07") => $$"""
        {
          "schemaVersion": 1, "jurisdiction": "JP", "direction": "departure", "declarationDate": "{{date}}",
          "bearer": { "name": "TEST TRAVELLER", "nationality": "JPN", "documentNumber": "TK0000001" },
          "destinationCountry": "KOR",
          "instruments": {{instruments}}
        }
        """;

    private string Write(string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_command_is_listed_in_help()
    {
        Assert.Contains(CliApp.Default.Commands, c => c.Path == "currency assess");
    }

    [Fact]
    public async Task Mixed_currencies_over_one_million_yen_need_a_declaration_with_the_rate_and_its_week()
    {
        // USD 6,000 × ¥155.45 = ¥932,700; + ¥67,301 = ¥1,000,001, over ¥1,000,000 (FEFTA art. 19(3), Customs Answer 7305).
        var file = Write("d.json", Declaration("""[ { "kind": "cash", "currency": "USD", "amount": 6000 }, { "kind": "cash", "currency": "JPY", "amount": 67301 } ]"""));
        var rates = Write("rates.csv", RatesCsv);
        var result = await CliRunner.RunAsync("currency", "assess", file, "--rates", rates);
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.True(root.GetProperty("declarationRequired").GetBoolean());
        Assert.Equal("JP", root.GetProperty("jurisdiction").GetString());
        Assert.Equal(1_000_001m, root.GetProperty("totalInReportingCurrency").GetDecimal());
        Assert.Equal("JPY", root.GetProperty("reportingCurrency").GetString());
        Assert.Equal(1_000_000m, root.GetProperty("threshold").GetDecimal());
        var rate = Assert.Single(root.GetProperty("ratesUsed").EnumerateArray());
        Assert.Equal("USD", rate.GetProperty("currency").GetString());
        Assert.Equal(155.45m, rate.GetProperty("yenPerUnit").GetDecimal());
        Assert.Equal("2024-08-04", rate.GetProperty("validFrom").GetString());
        Assert.Equal("2024-08-10", rate.GetProperty("validTo").GetString());
        Assert.Contains(root.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "total.overThreshold");
    }

    [Fact]
    public async Task The_jurisdiction_flag_overrides_the_files()
    {
        // Exactly ¥1,000,000 is not over JP's threshold; 10,000 USD is not "more than $10,000" (31 CFR 1010.340) but
        // as EUR 9,715.62 (10,000 × 155.45 ÷ 160.00, cut to the cent) it is under the EU's EUR 10,000 too.
        var file = Write("d.json", Declaration("""[ { "kind": "cash", "currency": "USD", "amount": 10000 } ]"""));
        var rates = Write("rates.csv", RatesCsv);
        var us = await CliRunner.RunAsync("currency", "assess", file, "--jurisdiction", "US", "--rates", rates);
        Assert.Equal(0, us.ExitCode);
        using (var json = JsonDocument.Parse(us.Out))
        {
            Assert.Equal("US", json.RootElement.GetProperty("jurisdiction").GetString());
            Assert.Equal("USD", json.RootElement.GetProperty("reportingCurrency").GetString());
            Assert.False(json.RootElement.GetProperty("declarationRequired").GetBoolean());
            Assert.Equal(10_000m, json.RootElement.GetProperty("totalInReportingCurrency").GetDecimal());
        }

        var eu = await CliRunner.RunAsync("currency", "assess", file, "--jurisdiction", "EU", "--rates", rates);
        using (var json = JsonDocument.Parse(eu.Out))
        {
            Assert.Equal(9_715.62m, json.RootElement.GetProperty("totalInReportingCurrency").GetDecimal());
            Assert.Equal(2, json.RootElement.GetProperty("ratesUsed").GetArrayLength());
        }
    }

    [Fact]
    public async Task An_invalid_file_exits_2_naming_the_field()
    {
        var file = Write("d.json", Declaration("""[ { "kind": "cash", "currency": "yen", "amount": 5 } ]"""));
        var result = await CliRunner.RunAsync("currency", "assess", file);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("$.instruments[0].currency", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task An_unknown_jurisdiction_exits_2()
    {
        var file = Write("d.json", Declaration("""[ { "kind": "cash", "currency": "JPY", "amount": 5 } ]"""));
        var result = await CliRunner.RunAsync("currency", "assess", file, "--jurisdiction", "XX");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown jurisdiction 'XX'", result.Error, StringComparison.Ordinal);
        var lower = await CliRunner.RunAsync("currency", "assess", file, "--jurisdiction", "jp");
        Assert.Equal(2, lower.ExitCode);
    }

    [Fact]
    public async Task A_missing_rate_exits_2_naming_the_currency_and_the_week()
    {
        // 20 Aug 2024 is in the customs week Sunday 18 – Saturday 24 Aug 2024, which the rates file does not hold.
        var file = Write("d.json", Declaration("""[ { "kind": "cash", "currency": "USD", "amount": 100 } ]""", "2024-08-20"));
        var rates = Write("rates.csv", RatesCsv);
        var result = await CliRunner.RunAsync("currency", "assess", file, "--rates", rates);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no customs weekly rate for USD for the week 2024-08-18..2024-08-24", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task As_of_picks_the_week_of_the_rates()
    {
        // The file's date has no rate, but --as-of 2024-08-07 falls in the USD week of [S25]: USD 100 = ¥15,545.
        var file = Write("d.json", Declaration("""[ { "kind": "cash", "currency": "USD", "amount": 100 } ]""", "2024-08-20"));
        var rates = Write("rates.csv", RatesCsv);
        var result = await CliRunner.RunAsync("currency", "assess", file, "--as-of", "2024-08-07", "--rates", rates);
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(15_545m, json.RootElement.GetProperty("totalInReportingCurrency").GetDecimal());
    }
}
