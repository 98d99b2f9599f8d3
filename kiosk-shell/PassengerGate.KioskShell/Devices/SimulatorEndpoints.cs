using PassengerGate.Hardware.Simulators.Kiosk;
using PassengerGate.Hardware.Simulators.Passengers;

namespace PassengerGate.KioskShell.Devices;

/// <summary>
/// Loopback endpoints that play the simulated devices by hand (a demo at the kiosk screen):
/// lay a passport with a portrait file on the reader, hold a QR under the scanner, fail a device.
/// Mapped only on a simulated kiosk (Kiosk:Simulated=true).
/// </summary>
public static class SimulatorEndpoints
{
    public sealed record PassportRequest(string Surname, string GivenNames, string Nationality, string DocumentNumber, DateOnly DateOfBirth, DateOnly ExpiryDate, char Sex, string? FaceFile, bool Chip = true);

    public sealed record QrRequest(string Text);

    public sealed record FaultRequest(string Device, string Status);

    public static void MapSimulators(this IEndpointRouteBuilder app)
    {
        var sim = app.MapGroup("/sim");
        sim.MapPost("/passport", (PassportRequest r, SimulatedPassports passports, SimulatedPassportStation station) =>
        {
            var lines = SyntheticPassengers.Td3(r.Nationality, r.Surname, r.GivenNames, r.DocumentNumber, r.DateOfBirth, r.Sex, r.ExpiryDate);
            var passenger = new SyntheticPassenger(r.Surname, r.GivenNames, r.Nationality, r.DocumentNumber, r.DateOfBirth, r.ExpiryDate, r.Sex, lines, false);
            byte[]? face = null;
            if (r.FaceFile is not null)
            {
                try
                {
                    face = File.ReadAllBytes(r.FaceFile);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    // The caller named a file the kiosk cannot read: their mistake, said plainly (RFC 9457 problem details).
                    return Results.Problem(
                        title: "The face file cannot be read",
                        detail: $"faceFile '{r.FaceFile}': {ex.Message}",
                        statusCode: StatusCodes.Status400BadRequest);
                }
            }

            var presentation = passports.Issue(passenger, face);
            station.Place(r.Chip ? presentation : presentation with { Chip = null });
            return Results.Accepted();
        });
        sim.MapPost("/qr", (QrRequest r, SimulatedQrScanner scanner) =>
        {
            scanner.Present(r.Text);
            return Results.Accepted();
        });
        sim.MapPost("/fault", (FaultRequest r, DeviceHealth health) =>
        {
            health.Report(r.Device, r.Status);
            return Results.Accepted();
        });
    }
}
