using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Contracts.TaxFree;
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
        var bytes = KioskSlipEscPos.Render(new KioskSlip(caseNumber, settings.Id, at, slip.Lane == SessionLane.Green ? Lane.Green : Lane.Red, reasons) { Duty = SlipDutyOf(slip.Duty) });
        await SendAsync(settings, bytes, ct);
    }

    public async Task PrintCurrencyAsync(CurrencyReceipt receipt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var settings = options.Value;
        var next = receipt.Next switch
        {
            CurrencyNextStep.DepartureDesk => CurrencySlipNext.DepartureDesk,
            CurrencyNextStep.Officer => CurrencySlipNext.Officer,
            _ => CurrencySlipNext.Continue,
        };
        var bytes = KioskSlipEscPos.Render(new CurrencySlip(receipt.DeclarationNumber, settings.Id, clock.GetUtcNow().ToOffset(settings.SlipUtcOffset), receipt.Required, receipt.Total, receipt.ReportingCurrency, next));
        await SendAsync(settings, bytes, ct);
    }

    public async Task PrintTaxFreeAsync(TaxFreeDepartureOutcome outcome, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var settings = options.Value;
        var green = outcome.Lane == TaxFreeLaneCode.Green;
        var records = outcome.Records.Select(r => new TaxFreeSlipRecord(r.ShopId, r.RecordId, r.PurchaseDay, r.TotalYen, r.Status switch
        {
            TaxFreeRecordCheckStatus.Confirmed => TaxFreeSlipStatus.Confirmed,
            TaxFreeRecordCheckStatus.Confirmable => green && outcome.ExportConfirmed ? TaxFreeSlipStatus.Confirmed : TaxFreeSlipStatus.ToInspect,
            TaxFreeRecordCheckStatus.Expired => TaxFreeSlipStatus.Expired,
            TaxFreeRecordCheckStatus.Excluded => TaxFreeSlipStatus.Excluded,
            _ => TaxFreeSlipStatus.Refused,
        })).ToList();
        var bytes = KioskSlipEscPos.Render(new TaxFreeSlip(green, records, settings.Id, clock.GetUtcNow().ToOffset(settings.SlipUtcOffset)));
        await SendAsync(settings, bytes, ct);
    }

    private async Task SendAsync(KioskOptions settings, byte[] bytes, CancellationToken ct)
    {
        var (host, port) = Endpoint(settings.PrinterAddress);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(host, port, ct);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(bytes, ct);
        await stream.FlushAsync(ct);
    }

    private static SlipDuty? SlipDutyOf(DutyEstimate? duty) => duty is null
        ? null
        : new SlipDuty(duty.TotalDutyYen, duty.Incomplete, duty.Lines.Select(l => new SlipDutyLine(
            CategoryOf(l.Category), l.Description, l.DutiableQuantity, l.Unit, l.DutyYen, l.Outcome == DraftLineOutcome.ReferredToOfficer)).ToList());

    private static GoodsCategory CategoryOf(DraftGoodsCategory category) => category switch
    {
        DraftGoodsCategory.Alcohol => GoodsCategory.Alcohol,
        DraftGoodsCategory.Cigarettes => GoodsCategory.Cigarettes,
        DraftGoodsCategory.Cigars => GoodsCategory.Cigars,
        DraftGoodsCategory.HeatedTobacco => GoodsCategory.HeatedTobacco,
        DraftGoodsCategory.OtherTobacco => GoodsCategory.OtherTobacco,
        DraftGoodsCategory.Perfume => GoodsCategory.Perfume,
        DraftGoodsCategory.OtherGoods => GoodsCategory.OtherGoods,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "a goods category the slip does not know"),
    };

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
