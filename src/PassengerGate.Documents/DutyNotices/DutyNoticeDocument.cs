using System.Globalization;
using PassengerGate.Documents.Fonts;
using PassengerGate.Documents.Layout;
using PassengerGate.Documents.Pdf;
using PassengerGate.Domain.Arrival;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PassengerGate.Documents.DutyNotices;

/// <summary>
/// The duty notice handed to a traveller whose goods are over the allowance: every assessed line with the
/// allowance it used, the rate and the duty, the totals, the legal basis and what was paid, how and when; A4,
/// Japanese and English side by side, saved as PDF/A-2b because the notice is kept for the record. Rule ids, the
/// assessor's working and its sources stay in the officer's case data.
/// </summary>
public static class DutyNoticeDocument
{
    private static readonly XSize A4 = new(XUnit.FromMillimeter(210).Point, XUnit.FromMillimeter(297).Point);
    private static readonly double Margin = XUnit.FromMillimeter(15).Point;

    private static readonly TableColumn[] LineColumns =
    [
        new(2.1), new(1.4), new(1.1, TextAlignment.Right), new(0.9, TextAlignment.Right), new(0.9, TextAlignment.Right),
        new(1.3, TextAlignment.Right), new(2.0), new(1.1, TextAlignment.Right),
    ];

    private static readonly TableColumn[] FieldColumns = [new(1), new(2)];

    private static readonly TableColumn[] TotalColumns = [new(3), new(1, TextAlignment.Right)];

    public static byte[] Render(DutyNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var assessment = notice.Assessment;
        using var document = new PdfDocument();
        document.Info.Title = "関税等のお知らせ / Duty notice " + notice.NoticeNumber;
        document.Info.Subject = notice.CaseNumber;
        document.Info.CreationDate = notice.IssuedAt.UtcDateTime;

        var body = DocumentFonts.Regular(9);
        var small = DocumentFonts.Regular(7.5);
        var bold = DocumentFonts.Bold(9);
        var cell = DocumentFonts.Regular(8);
        var header = DocumentFonts.Bold(8);
        using (var page = PageComposer.Drawing(document, A4, Margin))
        {
            page.Text("税関 Japan Customs", DocumentFonts.Bold(14));
            page.Text("携帯品・別送品に係る関税等のお知らせ", DocumentFonts.Bold(13));
            page.Text("Notice of customs duty and taxes on personal effects", DocumentFonts.Bold(11));
            page.Rule(1);

            page.Row(["通知番号 / Notice No.", notice.NoticeNumber], FieldColumns, body);
            page.Row(["受付番号 / Case No.", notice.CaseNumber], FieldColumns, body);
            page.Row(["発行日時 / Issued", notice.IssuedAt.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)], FieldColumns, body);
            page.Row(["算定基準日 / Assessed as of", assessment.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)], FieldColumns, body);
            page.Row(["納付状況 / Payment", DutyNoticeWording.Payment(notice.Payment)], FieldColumns, bold);
            page.Gap(8);

            page.Row(
                ["品名\nGoods", "区分\nCategory", "数量\nQuantity", "免税\nFree", "課税\nDutiable", "免税枠使用\nAllowance used", "税率\nRate", "税額\nDuty"],
                LineColumns,
                header,
                ruleBelow: true);
            foreach (var line in assessment.Lines)
            {
                page.Row(
                [
                    line.Description,
                    DutyNoticeWording.Category(line.Category),
                    DutyNoticeWording.Quantity(line.Quantity) + " " + DutyNoticeWording.Unit(line.Unit),
                    DutyNoticeWording.Quantity(line.FreeQuantity),
                    DutyNoticeWording.Quantity(line.DutiableQuantity),
                    line.Category == GoodsCategory.OtherGoods ? DutyNoticeWording.Yen(line.AllowanceUsedYen) : "-",
                    DutyNoticeWording.Rate(line.RateApplied),
                    DutyNoticeWording.Yen(line.Duty.Amount),
                ],
                    LineColumns,
                    cell);
                page.Text(LineNote(line), small, indent: 12);
                page.Rule(0.25);
            }

            page.Gap(6);
            page.Row(["免税枠の使用額（その他の品物） / Allowance used (other goods)", DutyNoticeWording.Yen(assessment.OtherGoodsAllowanceUsedYen)], TotalColumns, body);
            page.Row(["税額合計 / Total duty and taxes", DutyNoticeWording.Yen(assessment.TotalDuty.Amount)], TotalColumns, DocumentFonts.Bold(12));
            if (assessment.Incomplete || assessment.Lines.Any(l => l.Outcome is LineOutcome.ReferredToOfficer or LineOutcome.NotAssessed))
            {
                page.Text("一部の品物は税関職員が税額を決定します。合計額には含まれていません。", bold);
                page.Text("Some goods are assessed by a customs officer; their duty is not in this total.", bold);
            }

            page.Text(DutyNoticeWording.PaymentSentence(notice.Payment, assessment.TotalDuty.Amount), body);
            page.Gap(8);
            page.Rule();
            page.Text(DutyNoticeWording.LegalBasisJa, small);
            page.Gap(3);
            page.Text(DutyNoticeWording.LegalBasisEn, small);
        }

        return PdfFile.SaveAsPdfA2B(document);
    }

    /// <summary>The line's outcome and, where a percentage rate applied, the customs value it applied to.</summary>
    private static string LineNote(AssessedLine line) => line.CustomsValueYen is { } customsValue
        ? DutyNoticeWording.Outcome(line.Outcome) + " — 課税価格 / Customs value " + DutyNoticeWording.Yen(customsValue)
        : DutyNoticeWording.Outcome(line.Outcome);
}
