using System.Text.Json;

namespace PassengerGate.Cli.Tests;

public class IcaoBacKeysCommandTests
{
    [Fact]
    public async Task Bac_keys_of_the_Doc_9303_worked_example_are_printed_as_upper_case_hex()
    {
        // ICAO Doc 9303-11 App. D.2 (tech.md §2.2): MRZ_information L898902C<369080619406236.
        var result = await CliRunner.RunAsync("icao", "bac-keys", "L898902C<369080619406236");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("239AB9CB282DAF66231DC5A4DF6BFBAE", json.RootElement.GetProperty("kseed").GetString());
        Assert.Equal("AB94FDECF2674FDFB9B391F85D7F76F2", json.RootElement.GetProperty("kenc").GetString());
        Assert.Equal("7962D9ECE03D1ACD4C76089DCE131543", json.RootElement.GetProperty("kmac").GetString());
    }

    [Theory]
    [InlineData("L898902C<36908061940623")]
    [InlineData("l898902c<369080619406236")]
    [InlineData("L898902C<369080619406237")]
    [InlineData("garbage")]
    public async Task Garbage_MRZ_information_exits_2_with_a_message(string mrzInformation)
    {
        var result = await CliRunner.RunAsync("icao", "bac-keys", mrzInformation);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("MRZINFO", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }
}
