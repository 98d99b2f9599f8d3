using System.Text.Json;
using PassengerGate.TestSupport;

namespace PassengerGate.Cli.Tests;

public class ApisImportCommandTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private Task<CliRunner.Result> Run(params string[] args) =>
        CliRunner.RunAsync(TimeProvider.System, name => name == "PASSENGERGATE_DB" ? db.ConnectionString : null, args);

    [Fact]
    public async Task Importing_a_sample_manifest_twice_stores_it_once()
    {
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);
        var file = RiskSampleData.File("apis-ZZ901-2026-11-25.csv");

        var first = await Run("apis", "import", file);
        var again = await Run("apis", "import", file);

        Assert.Equal(0, first.ExitCode);
        var json = JsonDocument.Parse(first.Out).RootElement;
        // The sample manifest lists 3 passengers on ZZ901 on 2026-11-25.
        Assert.Equal(3, json.GetProperty("added").GetInt32());
        Assert.Equal("ZZ901", json.GetProperty("flights")[0].GetProperty("flight").GetString());
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(3, JsonDocument.Parse(again.Out).RootElement.GetProperty("unchanged").GetInt32());
        Assert.Equal(3L, await db.ScalarAsync<long>("SELECT count(*) FROM apis_records WHERE flight = 'ZZ901' AND flight_date = '2026-11-25'"));
    }

    [Fact]
    public async Task A_manifest_with_errors_exits_2_with_line_numbers_and_stores_nothing()
    {
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);
        var file = RiskSampleData.Temp("flight,date,name,documentNumber,nationality,bookingReference\nQQ1,2026-11-25,A B,QQ0000001,UTO,\nQQ1,2026-11-31,A C,QQ0000002,UTO,\n");

        var result = await Run("apis", "import", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(":3: date '2026-11-31'", result.Error, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM apis_records WHERE flight = 'QQ1'"));
    }

    [Fact]
    public async Task A_missing_file_exits_2()
    {
        var result = await Run("apis", "import", "/no/such/manifest.csv");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("file not found", result.Error, StringComparison.Ordinal);
    }
}
