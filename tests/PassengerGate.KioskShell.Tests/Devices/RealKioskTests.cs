using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Hosting;
using PassengerGate.Hardware.Kiosk;
using PassengerGate.Hardware.Simulators.Kiosk;
using PassengerGate.Icao.Lds;
using PassengerGate.KioskShell.Devices;
using PassengerGate.KioskShell.Sessions;
using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.KioskShell.Ui;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.Devices;

/// <summary>
/// A production kiosk (Kiosk:Simulated=false): no simulators, no /sim, no run-mode passengers; devices without a
/// driver are reported missing to the service. And the chip portrait's one-time, uncached URL.
/// </summary>
public sealed class RealKioskTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static readonly Dictionary<string, string?> Real = new()
    {
        ["Kiosk:Simulated"] = "false",
        ["Kiosk:HeartbeatInterval"] = "00:00:01",
    };

    [Fact]
    public async Task A_real_kiosk_has_no_simulator_endpoints_and_no_simulated_devices_or_passengers()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-REAL-1", Real);
        using var http = new HttpClient { BaseAddress = new Uri(kiosk.Url) };

        var passport = await http.PostAsJsonAsync("/sim/passport", new { surname = "TANAKA", givenNames = "HANAKO", nationality = "JPN", documentNumber = "TR0000001", dateOfBirth = "1990-04-01", expiryDate = "2034-03-31", sex = "F" });
        var qr = await http.PostAsJsonAsync("/sim/qr", new { text = "x" });
        var fault = await http.PostAsJsonAsync("/sim/fault", new { device = "printer", status = "ok" });

        Assert.Equal(HttpStatusCode.NotFound, passport.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, qr.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fault.StatusCode);
        Assert.Null(kiosk.Services.GetService<SimulatedPassports>());
        Assert.Null(kiosk.Services.GetService<SimulatedPassportStation>());
        Assert.Null(kiosk.Services.GetService<SimulatedQrScanner>());
        Assert.Null(kiosk.Services.GetService<SimulatedHeightSensor>());
        Assert.Null(kiosk.Services.GetService<SimulatedPrinterHost>());
        Assert.Null(kiosk.Services.GetService<ArrivalKioskWorker>());
        Assert.DoesNotContain(kiosk.Services.GetServices<IHostedService>(), s => s is ArrivalKioskWorker);
    }

    [Fact]
    public async Task A_real_kiosk_without_drivers_reports_each_device_missing_to_the_service_and_stays_out_of_service()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-REAL-2", Real);

        string? devices = null;
        for (var i = 0; i < 300 && devices is null; i++)
        {
            devices = await db.ScalarAsync<string?>("SELECT devices::text FROM kiosks WHERE kiosk_id = 'NRT-REAL-2' AND devices ? 'heightSensor'");
            await Task.Delay(100);
        }

        Assert.NotNull(devices);
        foreach (var device in new[] { "passportReader", "qrScanner", "heightSensor", "printer" })
        {
            Assert.Equal("missing", await db.ScalarAsync<string>($"SELECT devices->>'{device}' FROM kiosks WHERE kiosk_id = 'NRT-REAL-2'"));
        }

        // No passport reader: no passenger can be taken.
        Assert.Equal("out-of-service", await db.ScalarAsync<string>("SELECT status FROM kiosks WHERE kiosk_id = 'NRT-REAL-2'"));
        Assert.False(kiosk.Health.AllOk);
    }

    [Fact]
    public async Task Without_a_height_sensor_the_height_is_unmeasured_so_the_service_refers_the_passenger()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-REAL-3", Real);

        // Null is "not measured": SubmitFaceResultHandler refers it (HEIGHT_NOT_REPORTED, proven in the service's
        // ArrivalFlowTests), so an unmeasured child never reaches the e-gate.
        Assert.Null(kiosk.Services.GetRequiredService<IHeightSensor>().BelowGateHeight());

        // A missing QR scanner or height sensor alone does not stop the kiosk: the passenger declares on screen.
        var health = new DeviceHealth(["qrScanner", "heightSensor"]);
        Assert.True(health.AllOk);
        Assert.False(new DeviceHealth(["printer"]).AllOk);
    }

    [Fact]
    public async Task The_chip_portrait_is_served_once_and_never_cached()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-REAL-4", Real);
        using var http = new HttpClient { BaseAddress = new Uri(kiosk.Url) };
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0xFF, 0xD9];
        var token = kiosk.Services.GetRequiredService<PortraitStore>().Put(new FacePortrait(FaceImageType.Jpeg, 1, 1, jpeg.ToArray()));

        using var first = await http.GetAsync($"/ui/portrait/{token}");
        using var second = await http.GetAsync($"/ui/portrait/{token}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(jpeg, await first.Content.ReadAsByteArrayAsync());
        Assert.True(first.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.True(second.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task A_simulated_passport_with_a_missing_face_file_is_refused_with_the_reason()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-SIM-400");
        using var http = new HttpClient { BaseAddress = new Uri(kiosk.Url) };
        var missing = Path.Combine(Path.GetTempPath(), $"pgate-no-such-face-{Guid.NewGuid():N}.jpg");

        using var response = await http.PostAsJsonAsync("/sim/passport", new { surname = "TANAKA", givenNames = "HANAKO", nationality = "JPN", documentNumber = "TS0000400", dateOfBirth = "1990-04-01", expiryDate = "2034-03-31", sex = "F", faceFile = missing });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains(missing, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
