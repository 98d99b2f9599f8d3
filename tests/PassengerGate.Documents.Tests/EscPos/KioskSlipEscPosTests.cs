using System.Net.Sockets;
using PassengerGate.Documents.EscPos;
using PassengerGate.Documents.Slips;
using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Risk;
using PassengerGate.Hardware.Simulators.Printer;

namespace PassengerGate.Documents.Tests.EscPos;

public class KioskSlipEscPosTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 15, 45, 0, TimeSpan.FromHours(9));

    private static KioskSlip RedSlip() => new("C-2026-004242", "HND-T2-K03", At, Lane.Red,
    [
        new SlipReason("declaration.overDutyFreeAllowance", "免税範囲を超える申告があります。", "Goods over the allowance were declared."),
        new SlipReason("duty.due", "税額があります。", "Duty is due."),
    ]);

    [Fact]
    public void Printed_slip_lines_are_the_slips_lines_and_it_ends_with_a_cut()
    {
        var slip = RedSlip();
        var printer = new SimulatedReceiptPrinter();

        printer.Receive(KioskSlipEscPos.Render(slip));
        var printout = printer.Printout();

        Assert.Equal(slip.Content().OfType<SlipText>().Select(t => t.Text), printout.Lines.Select(l => l.Text));
        Assert.True(printout.EndsWithCut);
        Assert.False(Assert.Single(printout.Cuts).Partial);
    }

    [Fact]
    public void Printed_slip_has_one_qr_code_storing_the_case_number()
    {
        var printer = new SimulatedReceiptPrinter();

        printer.Receive(KioskSlipEscPos.Render(RedSlip()));

        var qr = Assert.Single(printer.Printout().QrCodes);
        Assert.Equal("C-2026-004242", qr.Data);
        Assert.Equal(2, qr.Model);
        Assert.Equal('M', qr.ErrorCorrection);
        Assert.Equal(PrintedAlignment.Center, qr.Alignment);
    }

    [Fact]
    public void Lane_is_printed_large_and_centred_and_the_japanese_survives_the_printer_code_page()
    {
        var printer = new SimulatedReceiptPrinter();

        printer.Receive(KioskSlipEscPos.Render(RedSlip()));
        var lines = printer.Printout().Lines;

        var lane = Assert.Single(lines, l => l.Text.Contains("検査台", StringComparison.Ordinal));
        Assert.True(lane.DoubleWidth);
        Assert.True(lane.DoubleHeight);
        Assert.Equal(PrintedAlignment.Center, lane.Alignment);
        Assert.Contains(lines, l => l.Text == "免税範囲を超える申告があります。" && !l.DoubleWidth);
    }

    [Fact]
    public void Every_worded_reason_prints_in_shift_jis()
    {
        var decision = new LaneDecision(Lane.Red, DecisionScope.Full,
            [.. ReasonWording.WordedCodes.Append(ReferralCodes.RiskHit).Select(code => new ReferralReason(code, "x"))]);
        var slip = KioskSlip.For("C-2026-000001", "K-1", At, decision);
        var printer = new SimulatedReceiptPrinter();

        printer.Receive(KioskSlipEscPos.Render(slip));
        var printed = printer.Printout().Lines.Select(l => l.Text).ToHashSet(StringComparer.Ordinal);

        Assert.All(slip.Reasons, r =>
        {
            Assert.Contains(r.TextJa, printed);
            Assert.Contains(r.TextEn, printed);
        });
    }

    [Fact]
    public async Task Slip_sent_to_a_network_printer_port_prints_whole()
    {
        await using var printer = SimulatedReceiptPrinter.StartOnLoopback();
        var job = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        printer.JobReceived += (_, _) => job.TrySetResult();

        using (var client = new TcpClient())
        {
            await client.ConnectAsync(printer.EndPoint!);
            await client.GetStream().WriteAsync(KioskSlipEscPos.Render(RedSlip()));
        }

        await job.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var printout = printer.Printout();
        Assert.Equal("C-2026-004242", Assert.Single(printout.QrCodes).Data);
        Assert.True(printout.EndsWithCut);
    }
}
