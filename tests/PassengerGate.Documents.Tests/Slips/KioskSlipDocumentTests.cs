using PassengerGate.Documents.Slips;
using PassengerGate.Documents.Tests.Support;
using PassengerGate.Domain.Arrival;
using UglyToad.PdfPig;

namespace PassengerGate.Documents.Tests.Slips;

public class KioskSlipDocumentTests
{
    // The test's own reasons and wording: what the PDF must carry is what the slip was given.
    private static readonly SlipReason Gold = new("declaration.goldBullionOrProducts", "金地金の申告があります。", "Gold bullion was declared.");
    private static readonly SlipReason Duty = new("duty.due", "税額があります。", "Duty is due.");

    private static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 34, 56, TimeSpan.FromHours(9));

    [Fact]
    public void Red_slip_pdf_carries_the_counter_lane_every_reason_in_japanese_and_english_and_the_case()
    {
        var slip = new KioskSlip("C-2026-000123", "HND-T3-K07", Noon, Lane.Red, [Gold, Duty]);

        var text = PdfText.Squeezed(PdfText.All(KioskSlipDocument.Render(slip)));

        // Red means "go to a counter" (DOMAIN.md §1 "Electronic flow": others go to a counter); 検査台 is the customs counter.
        Assert.Contains("検査台", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ゲート", text, StringComparison.Ordinal);
        foreach (var reason in slip.Reasons)
        {
            Assert.Contains(reason.Code, text, StringComparison.Ordinal);
            Assert.Contains(PdfText.Squeezed(reason.TextJa), text, StringComparison.Ordinal);
            Assert.Contains(PdfText.Squeezed(reason.TextEn), text, StringComparison.Ordinal);
        }

        Assert.Contains("C-2026-000123", text, StringComparison.Ordinal);
        Assert.Contains("HND-T3-K07", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-2512:34:56+09:00", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Green_slip_sends_the_passenger_to_the_e_gate_and_lists_no_reasons()
    {
        var slip = new KioskSlip("C-2026-000124", "KIX-T1-K02", Noon, Lane.Green, []);

        var text = PdfText.Squeezed(PdfText.All(KioskSlipDocument.Render(slip)));

        // 電子申告ゲート is Japan Customs' own name for the e-gate (domain-japan.md §1.5, customs.go.jp/kaigairyoko/egate.htm).
        Assert.Contains("電子申告ゲート", text, StringComparison.Ordinal);
        Assert.DoesNotContain("検査台", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Reasons", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Slip_qr_code_read_back_from_the_pdf_pixels_is_the_case_number()
    {
        var slip = new KioskSlip("C-2026-000777", "NRT-T1-K11", Noon, Lane.Red, [Duty]);

        var codes = PdfQrCodes.Decode(KioskSlipDocument.Render(slip));

        Assert.Equal(["C-2026-000777"], codes);
    }

    [Fact]
    public void Slip_is_one_80_mm_roll_page_with_every_letter_inside_it()
    {
        var many = Enumerable.Range(1, 12).Select(i => new SlipReason("code." + i, "理由の説明がここに長く入ります。" + i, "A long reason sentence that must wrap on narrow paper " + i)).ToList();
        var slip = new KioskSlip("C-2026-000125", "HND-T3-K07", Noon, Lane.Red, many);

        using var document = PdfDocument.Open(KioskSlipDocument.Render(slip));

        var page = Assert.Single(document.GetPages());
        // 80 mm = 226.77 pt (1 in = 25.4 mm = 72 pt): the common receipt roll width.
        Assert.Equal(226.77, page.Width, 1);
        Assert.All(page.Letters, l =>
        {
            Assert.InRange(l.BoundingBox.Left, 0, page.Width);
            Assert.InRange(l.BoundingBox.Right, 0, page.Width);
            Assert.InRange(l.BoundingBox.Bottom, 0, page.Height);
            Assert.InRange(l.BoundingBox.Top, 0, page.Height);
        });
        var text = PdfText.Squeezed(string.Concat(page.Letters.Select(l => l.Value)));
        Assert.All(many, r => Assert.Contains(PdfText.Squeezed(r.TextEn), text, StringComparison.Ordinal));
    }

    [Fact]
    public void Slips_rendered_on_many_threads_at_once_all_come_out_whole()
    {
        var slips = Enumerable.Range(0, 8).Select(i => new KioskSlip($"C-2026-1000{i}", "HND-T3-K07", Noon, Lane.Red, [Gold])).ToList();

        var texts = slips.AsParallel().Select(s => PdfText.Squeezed(PdfText.All(KioskSlipDocument.Render(s)))).ToList();

        Assert.All(slips.Zip(texts), pair => Assert.Contains(pair.First.CaseNumber, pair.Second, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.Contains(PdfText.Squeezed(Gold.TextJa), t, StringComparison.Ordinal));
    }
}
