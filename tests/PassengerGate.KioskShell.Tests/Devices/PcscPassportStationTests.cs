using PassengerGate.Hardware.Mrz;
using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.Hardware.Simulators.Mrz;
using PassengerGate.Hardware.Simulators.Vpcd;
using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;
using PassengerGate.TestSupport.Pcscd;
using PassengerGate.TestSupport.Serial;

namespace PassengerGate.KioskShell.Tests.Devices;

[CollectionDefinition("pcscd")]
public sealed class PcscdTestGroup : ICollectionFixture<PcscdFixture>;

/// <summary>
/// The kiosk on its real drivers end to end: the MRZ from the serial OCR reader (socat pseudo-terminal),
/// the chip through libpcsclite from a real pcscd whose vpcd virtual reader holds the simulated passport.
/// The service verifies what the kiosk read and records the passive-authentication result.
/// </summary>
[Collection("pcscd")]
public sealed class PcscPassportStationTests(TestDatabase db, PcscdFixture pcscd) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task A_chip_read_through_pcscd_by_the_kiosk_driver_passes_passive_authentication_on_the_service()
    {
        using var pty = await SocatPtyPair.StartAsync();
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        using var pki = TestPki.Create("UT", new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await File.WriteAllBytesAsync(Path.Combine(server.TrustFolder!, "pcsc-test-csca.cer"), pki.CscaCertificate.RawData);
        var mrz = Td3Mrz.Compose("TANAKA", "HANAKO", "TP0000017", "JPN", "900401", 'F', "340331", "");
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Mrz = mrz, Pki = pki });
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-PCSC", new Dictionary<string, string?>
        {
            ["Kiosk:Devices:MrzSerialPort"] = pty.HostPath,
            ["Kiosk:Devices:MrzFraming"] = "StxEtx",
            ["Kiosk:Devices:Pcsc"] = "true",
            ["Kiosk:Devices:PcscReader"] = PcscdFixture.FirstVirtualReader,
            ["Kiosk:Devices:ChipWait"] = "00:00:10",
        });
        await using var browser = await KioskBrowser.LaunchAsync(null);
        var page = await browser.OpenAsync(kiosk);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var card = await VpcdCardConnector.ConnectAsync(new SimulatedPassportCard(passport.Chip), "127.0.0.1", pcscd.VpcdPort, timeout.Token);

        await page.ClickAsync("start");
        await page.WaitForScreenAsync("placePassport");
        await using (var device = SimulatedMrzReaderDevice.OpenTerminal(pty.DevicePath, MrzFraming.StxEtx))
        {
            await device.PresentDocumentAsync(mrz.Split('\n'), chunkSize: 11, default);
        }

        // The document step is done when the service has recorded its verdict on the chip.
        string? verdict = null;
        for (var i = 0; i < 300 && verdict is null; i++)
        {
            verdict = await db.ScalarAsync<string>("SELECT facts->'document'->>'passiveAuthentication' FROM arrival_sessions WHERE kiosk_id = 'NRT-UI-PCSC' AND document_number = 'TP0000017'");
            await Task.Delay(100);
        }

        Assert.Equal("OK", verdict);
        Assert.Equal("BAC", await db.ScalarAsync<string>("SELECT facts->'document'->>'chip' FROM arrival_sessions WHERE kiosk_id = 'NRT-UI-PCSC'"));
        // This browser has no camera, so the session does not get past the face step; the document step did pass.
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM session_transitions t JOIN arrival_sessions s USING (session_id) WHERE s.kiosk_id = 'NRT-UI-PCSC' AND t.to_state = 'DocumentVerified'"));
    }
}
