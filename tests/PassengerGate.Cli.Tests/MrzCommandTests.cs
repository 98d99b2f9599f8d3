using System.Text.Json;

namespace PassengerGate.Cli.Tests;

public class MrzCommandTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    private static Task<CliRunner.Result> Run(params string[] args) => CliRunner.RunAsync(Clock, _ => null, ["mrz", .. args]);

    [Fact]
    public async Task The_TD3_specimen_prints_its_fields_as_one_JSON_object_and_exits_0()
    {
        // Doc 9303 Part 4 App. B specimen (pymrtd mrz_test.py, cheminfo td3.test.ts; tech.md §1.3).
        var result = await Run("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal(
            """{"valid":true,"format":"TD3","documentCode":"P","issuingState":"UTO","documentNumber":"L898902C3","nationality":"UTO","surname":"ERIKSSON","givenNames":"ANNA MARIA","dateOfBirth":"1974-08-12","sex":"F","expiryDate":"2012-04-15","optionalData":"ZE184226B","corrections":[],"errors":[]}""",
            result.Out.Trim());
    }

    [Fact]
    public async Task A_readable_but_invalid_MRZ_exits_0_with_its_errors()
    {
        // pymrtd mrz_test.py NLD TD1 (Doc 9303 Part 10 A.2.1): the composite digit does not verify (tech.md §1.3).
        var result = await Run("I<NLDXI85935F86999999990<<<<<<", "7208148F1108268NLD<<<<<<<<<<<4", "VAN<DER<STEEN<<MARIANNE<LOUISE");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("TD1", json.RootElement.GetProperty("format").GetString());
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("composite", error.GetProperty("field").GetString());
    }

    [Fact]
    public async Task OCR_repair_lists_each_correction()
    {
        // cheminfo td3.test.ts 'Use autocorrection': nine corrections, the first L1[4] 0→O (tech.md §1.4).
        var result = await Run("--repair-ocr", "P<UT0ERIK55ON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO740BIZZF12041S9ZE184226B<<<<<1O");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
        var corrections = json.RootElement.GetProperty("corrections").EnumerateArray().ToList();
        Assert.Equal(9, corrections.Count);
        Assert.Equal("issuingState", corrections[0].GetProperty("field").GetString());
        Assert.Equal(1, corrections[0].GetProperty("line").GetInt32());
        Assert.Equal(4, corrections[0].GetProperty("position").GetInt32());
        Assert.Equal("0", corrections[0].GetProperty("from").GetString());
        Assert.Equal("O", corrections[0].GetProperty("to").GetString());
    }

    [Fact]
    public async Task An_unknown_date_is_printed_as_null()
    {
        // snifter/MRZCode.NET MrzSamples TD2_NO_EXPIRY_DATE: expiry "<<<<<<".
        var result = await Run("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F<<<<<<0<<<<<<<6");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("expiryDate").ValueKind);
    }

    [Theory]
    [InlineData("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<1")]
    [InlineData("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "l898902C36UTO7408122F1204159ZE184226B<<<<<10")]
    [InlineData("garbage", "input")]
    public async Task Lines_that_are_not_an_MRZ_exit_2_with_a_message_on_stderr(string line1, string line2)
    {
        var result = await Run(line1, line2);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains("cannot be read as an MRZ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_line_is_the_wrong_line_count_and_exits_2()
    {
        var result = await Run("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains("expected 2 or 3", result.Error, StringComparison.Ordinal);
    }

    /// <summary>This test project does not reference Microsoft.Extensions.TimeProvider.Testing; one instant is all it needs.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
