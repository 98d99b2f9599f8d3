using System.Text.Json;

namespace PassengerGate.Cli.Tests;

public sealed class ArrivalAssessCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("pgate-arrival-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static string Declaration(string goods) => $$"""
        {
          "schemaVersion": 1,
          "declarant": { "role": "self" },
          "header": {
            "flightOrVessel": "NH9", "embarkationPoint": "LAX", "arrivalDate": "2026-11-20", "name": "Test Traveller",
            "addressInJapan": "Tokyo", "nationality": "USA", "dateOfBirth": "1980-05-01", "passportNumber": "X1234567"
          },
          "answers": {
            "prohibitedOrRestricted": false, "goldBullionOrProducts": false, "overDutyFreeAllowance": false,
            "commercialGoodsOrSamples": false, "carriedForSomeoneElse": false, "paymentMeansOverThreshold": false,
            "unaccompaniedBaggage": false
          },
          "goods": {{goods}}
        }
        """;

    private string Write(string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task A_fourth_bottle_is_red_with_its_duty_per_line_and_in_total()
    {
        // DOMAIN.md §5 rule 3: 4 × 750 ml whisky for an adult; 1 bottle × 0.75 ℓ × ¥800/ℓ (newer table [S3]) = ¥600.
        var file = Write("d.json", Declaration("""{ "alcohol": [ { "kind": "whiskyBrandy", "bottles": 4, "volumeMlPerBottle": 750 } ] }"""));
        var result = await CliRunner.RunAsync("arrival", "assess", file);
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("declaration", root.GetProperty("scope").GetString());
        Assert.Equal("red", root.GetProperty("lane").GetString());
        Assert.Equal(600m, root.GetProperty("totalDutyYen").GetDecimal());
        Assert.Equal(600m, root.GetProperty("lines")[0].GetProperty("dutyYen").GetDecimal());
        var codes = root.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Contains("duty.due", codes);
        Assert.Contains("allowance.exceeded", codes);
    }

    [Fact]
    public async Task Nothing_to_declare_is_green_for_the_declaration_scope()
    {
        var file = Write("d.json", Declaration("{}"));
        var result = await CliRunner.RunAsync("arrival", "assess", file);
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("green", json.RootElement.GetProperty("lane").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("reasons").GetArrayLength());
    }

    [Fact]
    public async Task Foreign_values_use_the_rates_file_and_a_missing_rate_is_red()
    {
        // [S25]: USD 1 = ¥155.45 for 4–10 Aug 2024. USD 100 = ¥15,545: within the allowance.
        var file = Write("d.json", Declaration("""{ "otherGoods": [ { "description": "scarf", "quantity": 1, "unitRetailValue": 100, "currency": "USD" } ] }"""));
        var rates = Write("rates.csv", "currency,validFrom,validTo,yenPerUnit,source\nUSD,2024-08-04,2024-08-10,155.45,S25\n");

        var found = await CliRunner.RunAsync("arrival", "assess", file, "--as-of", "2024-08-07", "--rates", rates);
        using (var json = JsonDocument.Parse(found.Out))
        {
            Assert.Equal(15_545m, json.RootElement.GetProperty("lines")[0].GetProperty("overseasValueYen").GetDecimal());
            Assert.Equal("green", json.RootElement.GetProperty("lane").GetString());
        }

        var missing = await CliRunner.RunAsync("arrival", "assess", file, "--rates", rates);
        using (var json = JsonDocument.Parse(missing.Out))
        {
            Assert.Equal("red", json.RootElement.GetProperty("lane").GetString());
            Assert.Equal("rate.exchangeRateMissing", json.RootElement.GetProperty("reasons")[0].GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task A_missing_file_exits_2_with_a_message()
    {
        var result = await CliRunner.RunAsync("arrival", "assess", Path.Combine(dir, "absent.json"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("file not found", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task An_invalid_declaration_exits_2_and_lists_each_error_path()
    {
        var file = Write("d.json", Declaration("""{ "cigarettes": -1 }""").Replace("\"USA\"", "\"usa\"", StringComparison.Ordinal));
        var result = await CliRunner.RunAsync("arrival", "assess", file);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("$.goods.cigarettes", result.Error, StringComparison.Ordinal);
        Assert.Contains("$.header.nationality", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_json_at_all_exits_2()
    {
        var result = await CliRunner.RunAsync("arrival", "assess", Write("d.json", "not json"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not valid JSON", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_as_of_date_exits_2()
    {
        var result = await CliRunner.RunAsync("arrival", "assess", Write("d.json", Declaration("{}")), "--as-of", "20-11-2026");
        Assert.Equal(2, result.ExitCode);
    }
}
