using Microsoft.Extensions.Configuration;
using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.Hardware.Simulators.Kiosk;
using PassengerGate.Hardware.Simulators.Passengers;
using PassengerGate.Hardware.Simulators.Printer;
using PassengerGate.KioskShell.Devices;

namespace PassengerGate.KioskShell.Tests.Support;

/// <summary>
/// A real kiosk host (KioskHost.Build) on a loopback port, connected to a <see cref="RunningServer"/>, with
/// simulated devices the test operates: lay a passport, scan a QR, read the printed slips.
/// Its simulated passports are signed by a CSCA it writes into the service's trust folder.
/// </summary>
public sealed class KioskUnderTest : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KioskUnderTest(WebApplication app, int port)
    {
        _app = app;
        Url = $"http://127.0.0.1:{port}/";
    }

    public string Url { get; }

    public IServiceProvider Services => _app.Services;

    public SimulatedPassportStation Station => Services.GetRequiredService<SimulatedPassportStation>();

    public SimulatedQrScanner Qr => Services.GetRequiredService<SimulatedQrScanner>();

    /// <summary>The ESC/POS printer simulator the kiosk prints to over TCP.</summary>
    public SimulatedReceiptPrinter Printer => Services.GetRequiredService<SimulatedPrinterHost>().Printer;

    public DeviceHealth Health => Services.GetRequiredService<DeviceHealth>();

    public static async Task<KioskUnderTest> StartAsync(RunningServer server, string kioskId, IDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        var token = await server.RegisterKioskAsync(kioskId);
        var port = RunningServer.FreePort();
        var config = new Dictionary<string, string?>
        {
            ["Kiosk:Id"] = kioskId,
            ["Kiosk:Simulated"] = "true",
            ["Kiosk:Credential"] = token,
            ["Kiosk:ServiceUrl"] = server.BaseAddress.ToString(),
            ["Kiosk:PassengerInterval"] = "00:00:00",
            ["Kiosk:ServiceDeadline"] = "00:00:05",
            ["Kiosk:DefaultLanguage"] = "en",
            ["Kiosk:SimulatedCscaFile"] = Path.Combine(server.TrustFolder!, $"{kioskId}-csca.cer"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var app = KioskHost.Build([$"--urls=http://127.0.0.1:{port}"], TimeProvider.System, b =>
        {
            b.Configuration.AddInMemoryCollection(config);
            b.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync();
        return new KioskUnderTest(app, port);
    }

    /// <summary>Lays a passport on the reader: an IC passport whose chip portrait is <paramref name="faceFile"/>, or one without a chip.</summary>
    public void PlacePassport(Traveller traveller, string? faceFile, bool withChip = true, ChipFaultMode fault = ChipFaultMode.None)
    {
        ArgumentNullException.ThrowIfNull(traveller);
        var lines = SyntheticPassengers.Td3(traveller.Nationality, traveller.Surname, traveller.GivenNames, traveller.DocumentNumber, traveller.DateOfBirth, traveller.Sex, traveller.Expiry);
        var passenger = new SyntheticPassenger(traveller.Surname, traveller.GivenNames, traveller.Nationality, traveller.DocumentNumber, traveller.DateOfBirth, traveller.Expiry, traveller.Sex, lines, false);
        var passport = Services.GetRequiredService<SimulatedPassports>().Issue(passenger, faceFile is null ? null : Faces.ChipPortrait(faceFile), fault);
        Station.Place(withChip ? passport : passport with { Chip = null });
    }

    /// <summary>Waits until the printer has cut <paramref name="slips"/> slips (the kiosk prints after showing the result).</summary>
    public async Task<Printout> WaitForSlipsAsync(int slips)
    {
        for (var i = 0; i < 300 && Printer.Printout().Cuts.Count < slips; i++)
        {
            await Task.Delay(100);
        }

        return Printer.Printout();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
