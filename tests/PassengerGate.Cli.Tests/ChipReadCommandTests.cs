using System.Text.Json;
using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.Hardware.Simulators.Vpcd;
using PassengerGate.TestSupport.Pcscd;

namespace PassengerGate.Cli.Tests;

[CollectionDefinition("pcscd")]
public sealed class PcscdTestGroup : ICollectionFixture<PcscdFixture>;

/// <summary>
/// The simulated passport is inserted into the vpcd virtual reader of a real pcscd, and
/// `pgate chip read` reads it through libpcsclite with the same chip code the kiosk runs.
/// </summary>
[Collection("pcscd")]
public sealed class ChipReadCommandTests(PcscdFixture pcscd) : IDisposable
{
    private readonly TestPki _pki = TestPki.Create("UT", new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly string _trust = Directory.CreateTempSubdirectory("pgate-trust-").FullName;

    public void Dispose()
    {
        _pki.Dispose();
        Directory.Delete(_trust, recursive: true);
    }

    [Fact]
    public async Task A_simulated_passport_in_the_virtual_reader_reads_and_passes_passive_authentication()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = _pki });
        await File.WriteAllBytesAsync(Path.Combine(_trust, "csca.cer"), passport.ExportCscaCertificate());

        var json = await ReadThroughPcscAsync(passport);

        Assert.Equal(passport.PrintedMrz.Replace("\n", "", StringComparison.Ordinal), json.GetProperty("dg1").GetString());
        Assert.Equal("BAC", json.GetProperty("protocol").GetString());
        Assert.True(json.GetProperty("passiveAuthentication").GetProperty("valid").GetBoolean());
        Assert.Equal("OK", json.GetProperty("passiveAuthentication").GetProperty("reason").GetString());
        Assert.True(json.GetProperty("activeAuthentication").GetProperty("valid").GetBoolean());
        Assert.Contains(2, json.GetProperty("dataGroups").EnumerateArray().Select(e => e.GetInt32()));
        Assert.True(json.GetProperty("apdus").GetInt32() > 10);
    }

    [Fact]
    public async Task A_tampered_data_group_fails_passive_authentication_with_its_reason()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = _pki, Fault = ChipFaultMode.TamperedDataGroup });
        await File.WriteAllBytesAsync(Path.Combine(_trust, "csca.cer"), passport.ExportCscaCertificate());

        var json = await ReadThroughPcscAsync(passport);

        Assert.False(json.GetProperty("passiveAuthentication").GetProperty("valid").GetBoolean());
        Assert.Equal("DG_HASH_MISMATCH", json.GetProperty("passiveAuthentication").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Without_the_test_CSCA_in_the_trust_folder_the_chip_is_unknown()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = _pki });

        var json = await ReadThroughPcscAsync(passport);

        Assert.Equal("UNKNOWN_CSCA", json.GetProperty("passiveAuthentication").GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("chip", "read", "--reader", "Virtual PCD 00 00")]
    [InlineData("chip", "read", "--reader", "Virtual PCD 00 00", "--mrz-info", "L898902C<369080619406236", "--can", "123456")]
    [InlineData("chip", "read", "--reader", "Virtual PCD 00 00", "--mrz-info", "GARBAGE")]
    public async Task Bad_arguments_exit_2(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);
        Assert.Equal(2, result.ExitCode);
        Assert.NotEqual("", result.Error);
    }

    [Fact]
    public async Task An_empty_reader_exits_2_with_a_message()
    {
        var result = await CliRunner.RunAsync("chip", "read", "--reader", "Virtual PCD 00 00", "--mrz-info", "L898902C<369080619406236", "--timeout", "1");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Virtual PCD 00 00", result.Error, StringComparison.Ordinal);
    }

    private async Task<JsonElement> ReadThroughPcscAsync(SimulatedPassport passport)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        CliRunner.Result result;
        await using (var inserted = await VpcdCardConnector.ConnectAsync(new SimulatedPassportCard(passport.Chip), "127.0.0.1", pcscd.VpcdPort, timeout.Token))
        {
            result = await CliRunner.RunAsync("chip", "read", "--reader", PcscdFixture.FirstVirtualReader, "--mrz-info", passport.MrzInformation, "--trust", _trust);
        }

        // Take the card out and let pcscd notice before the next test puts another one in: a card
        // swapped faster than pcscd polls the reader is seen as the old card, reset under its handle.
        using (var readers = new PassengerGate.Hardware.Pcsc.PcscReaderService())
        {
            await readers.WaitForCardRemovalAsync(PcscdFixture.FirstVirtualReader, TimeSpan.FromSeconds(10), timeout.Token);
        }

        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Out).RootElement;
    }
}
