using PassengerGate.Documents.EscPos;
using PassengerGate.Documents.Slips;
using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Risk;
using PassengerGate.Hardware.Simulators.Printer;

namespace PassengerGate.Documents.Tests.Slips;

/// <summary>
/// The duty on the traveller's slip (issue 10): an estimate in yen, in Japanese and English, with the goods over the
/// allowance, printed through ESC/POS and read back by the printer simulator.
/// </summary>
public class SlipDutyTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 14, 0, 0, TimeSpan.FromHours(9));

    // Four 750 ml bottles of wine and a ¥250,000 handbag. Japan Customs Answer 5001/5002: three bottles free, wine ¥200 a
    // litre so the fourth owes ¥150; an article over ¥100,000 leaves the simplified rates for the officer.
    private static readonly SlipDuty WineAndHandbag = new(150m, false,
    [
        new SlipDutyLine(GoodsCategory.Alcohol, "wineBeerOther 750 ml", 1m, "bottle", 150m, AssessedByOfficer: false),
        new SlipDutyLine(GoodsCategory.OtherGoods, "handbag", 1m, "article", 0m, AssessedByOfficer: true),
    ]);

    [Fact]
    public void A_dutiable_slip_prints_the_estimate_in_yen_with_each_dutiable_line_in_japanese_and_english()
    {
        var slip = new KioskSlip("4242", "NRT-1", At, Lane.Red, [ReasonWording.For(ReferralCodes.DutyDue)]) { Duty = WineAndHandbag };
        var printer = new SimulatedReceiptPrinter();

        printer.Receive(KioskSlipEscPos.Render(slip));
        var printed = printer.Printout().Lines.Select(l => l.Text).ToList();

        Assert.Contains("税額（概算） / Duty (estimate)", printed);
        Assert.Contains("酒類 / Alcohol: wineBeerOther 750 ml", printed);
        Assert.Contains("  1 bottle: ￥150", printed);
        Assert.Contains("その他の品物 / Other goods: handbag", printed);
        Assert.Contains("  1 article: 税関職員が算定 / assessed by the officer", printed);
        Assert.Contains("合計（概算） / Total (estimate): ￥150", printed);
        Assert.Contains("The customs officer confirms the duty at the counter.", printed);
        // The duty comes before the case number, so the traveller reads it with the lane.
        Assert.True(printed.IndexOf("合計（概算） / Total (estimate): ￥150") < printed.FindIndex(l => l.StartsWith("受付番号", StringComparison.Ordinal)));
    }

    [Fact]
    public void Thousands_are_grouped_and_a_slip_without_duty_prints_no_duty_section()
    {
        Assert.Equal("￥250,000", SlipDuty.Yen(250_000m));

        var green = new KioskSlip("4243", "NRT-1", At, Lane.Green, []);
        Assert.DoesNotContain(green.Content().OfType<SlipText>(), t => t.Text.Contains("Duty", StringComparison.Ordinal));
    }
}
