using PassengerGate.Hardware.Mrz;
using PassengerGate.Hardware.Simulators.Mrz;
using PassengerGate.Hardware.Simulators.Passengers;
using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

using PassengerGate.TestSupport.Serial;

namespace PassengerGate.KioskShell.Tests.Devices;

/// <summary>
/// The kiosk on a real driver: Hardware.Serial's SerialMrzReader on one end of a socat pseudo-terminal pair, the
/// simulated OCR reader writing DESKO-style STX/ETX frames on the other, as a USB-serial passport reader does.
/// </summary>
public sealed class SerialPassportReaderTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Passport_read_by_the_serial_OCR_reader_without_a_chip_is_sent_to_the_counter()
    {
        using var pty = await SocatPtyPair.StartAsync();
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-SERIAL", new Dictionary<string, string?>
        {
            ["Kiosk:Devices:MrzSerialPort"] = pty.HostPath,
            ["Kiosk:Devices:MrzFraming"] = "StxEtx",
        });
        await using var browser = await KioskBrowser.LaunchAsync(null);
        var page = await browser.OpenAsync(kiosk);

        await page.ClickAsync("start");
        await page.WaitForScreenAsync("placePassport");
        var lines = SyntheticPassengers.Td3("JPN", "TANAKA", "HANAKO", "TS0000013", new DateOnly(1990, 4, 1), 'F', new DateOnly(2034, 3, 31));
        await using (var device = SimulatedMrzReaderDevice.OpenTerminal(pty.DevicePath, MrzFraming.StxEtx))
        {
            await device.PresentDocumentAsync(lines, chunkSize: 7, default);
        }

        // No PC/SC reader configured: no chip, so not e-gate eligible (the service's DOCUMENT_NOT_CHIP).
        Assert.Equal("red", await page.LaneAsync());
        Assert.Contains("notChipPassport", await page.ReasonCodesAsync());
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM arrival_sessions WHERE kiosk_id = 'NRT-UI-SERIAL' AND document_number = 'TS0000013'"));
    }

    [Fact]
    public async Task Kiosk_whose_serial_passport_reader_cannot_be_opened_is_out_of_service()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-NOREADER", new Dictionary<string, string?>
        {
            ["Kiosk:Devices:MrzSerialPort"] = Path.Combine(Path.GetTempPath(), "pgate-no-such-tty"),
        });
        await using var browser = await KioskBrowser.LaunchAsync(null);
        var p = await browser.Browser.NewPageAsync();
        await p.GotoAsync(kiosk.Url);

        await new KioskPage(p).WaitForScreenAsync("outOfService");
        Assert.Equal("deviceFault", await p.GetAttributeAsync("section.out-of-service", "data-code"));
        Assert.NotEqual("ok", kiosk.Health.Snapshot()["passportReader"]);
    }
}
