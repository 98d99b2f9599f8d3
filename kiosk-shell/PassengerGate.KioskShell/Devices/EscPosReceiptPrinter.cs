using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Documents.EscPos;
using PassengerGate.Documents.Slips;
using PassengerGate.Domain.Arrival;
using PassengerGate.Hardware.Simulators.Kiosk;

namespace PassengerGate.KioskShell.Devices;

/// <summary>
/// A receipt printer on the network (ESC/POS over the raw TCP port, 9100 by convention): the slip is
/// rendered by PassengerGate.Documents exactly as the officer's PDF, the traveller reasons in Japanese and English.
/// </summary>
public sealed class EscPosReceiptPrinter(IOptions<KioskOptions> options, TimeProvider clock, SimulatedPrinterHost? simulated = null) : IReceiptPrinter
{
    public async Task PrintAsync(ReceiptSlip slip, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(slip);
        var settings = options.Value;
        var at = clock.GetUtcNow().ToOffset(settings.SlipUtcOffset);
        var caseNumber = slip.CaseNumber?.ToString(CultureInfo.InvariantCulture) ?? slip.SessionId.ToString("N", CultureInfo.InvariantCulture)[..12].ToUpperInvariant();
        var reasons = slip.Reasons.Distinct().Select(TravellerReasonWording.For).ToList();
        var bytes = KioskSlipEscPos.Render(new KioskSlip(caseNumber, settings.Id, at, slip.Lane == SessionLane.Green ? Lane.Green : Lane.Red, reasons));

        var (host, port) = Endpoint(settings.PrinterAddress);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(host, port, ct);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(bytes, ct);
        await stream.FlushAsync(ct);
    }

    private (string Host, int Port) Endpoint(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            var endPoint = (simulated ?? throw new InvalidOperationException("No receipt printer is configured (Kiosk:PrinterAddress).")).Printer.EndPoint!;
            return (endPoint.Address.ToString(), endPoint.Port);
        }

        var colon = address.LastIndexOf(':');
        return colon < 0 ? (address, 9100) : (address[..colon], int.Parse(address[(colon + 1)..], CultureInfo.InvariantCulture));
    }
}
