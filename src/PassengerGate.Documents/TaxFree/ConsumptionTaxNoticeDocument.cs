using System.Globalization;
using PassengerGate.Documents.DutyNotices;
using PassengerGate.Documents.Fonts;
using PassengerGate.Documents.Layout;
using PassengerGate.Documents.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PassengerGate.Documents.TaxFree;

/// <summary>
/// The notice of consumption tax assessed at departure on tax-free goods not carried out (exemption regime,
/// purchases up to 2026-10-31; docs/taxfree-rules.md §4): every missing item with its tax base, rate and tax, the
/// total, the legal basis and the payment; A4, Japanese and English, PDF/A-2b like the duty notice (decision 0012).
/// </summary>
public static class ConsumptionTaxNoticeDocument
{
    private static readonly XSize A4 = new(XUnit.FromMillimeter(210).Point, XUnit.FromMillimeter(297).Point);
    private static readonly double Margin = XUnit.FromMillimeter(15).Point;
    private static readonly TableColumn[] FieldColumns = [new(1), new(2)];
    private static readonly TableColumn[] ItemColumns = [new(2.4), new(2.2), new(1.2, TextAlignment.Right), new(0.7, TextAlignment.Right), new(1.1, TextAlignment.Right)];
    private static readonly TableColumn[] TotalColumns = [new(3), new(1, TextAlignment.Right)];

    /// <summary>
    /// The legal basis in the words of docs/taxfree-rules.md §1 and §4: goods bought free of consumption tax and not
    /// exported at departure lose the exemption and customs collects the tax (消費税法第8条; 7.8 % national plus 2.2 %
    /// local consumption tax, 8 % in all for food and drink under the reduced rate; fractions of a yen dropped).
    /// </summary>
    public const string LegalBasisJa =
        "根拠：消費税法第8条（輸出物品販売場における輸出物品の譲渡に係る免税）。免税で購入した物品を出国の際に携帯して輸出しない場合、" +
        "免除された消費税（国税7.8%と地方消費税2.2%の計10%、飲食料品は軽減税率8%）を税関が徴収します。税額の1円未満は切り捨てです。";

    public const string LegalBasisEn =
        "Legal basis: Consumption Tax Act, Article 8 (exemption for goods sold at tax-free shops for export). Goods bought free of consumption tax " +
        "and not carried out of Japan at departure lose the exemption, and customs collects the tax (7.8% national plus 2.2% local consumption tax, " +
        "10% in all; 8% for food and drink at the reduced rate). Fractions of a yen are dropped.";

    public static byte[] Render(ConsumptionTaxNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.Items.Count == 0)
        {
            throw new ArgumentException("an assessment has at least one item", nameof(notice));
        }

        using var document = new PdfDocument();
        document.Info.Title = "消費税の賦課決定通知書 / Notice of consumption tax assessment " + notice.NoticeNumber;
        document.Info.Subject = notice.RecordId;
        document.Info.CreationDate = notice.IssuedAt.UtcDateTime;
        var body = DocumentFonts.Regular(9);
        var cell = DocumentFonts.Regular(8);
        using (var page = PageComposer.Drawing(document, A4, Margin))
        {
            page.Heading("免税購入品に係る消費税の賦課決定通知書", "Notice of consumption tax assessment on tax-free goods not carried out");
            page.Row(["通知番号 / Notice No.", notice.NoticeNumber], FieldColumns, body);
            page.Row(["空港 / Airport", notice.Airport], FieldColumns, body);
            page.Row(["発行日時 / Issued", notice.IssuedAt.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)], FieldColumns, body);
            page.Row(["担当職員 / Officer", notice.IssuedBy], FieldColumns, body);
            page.Row(["国籍・旅券番号 / Nationality, passport", $"{notice.Nationality} {notice.PassportNumber}"], FieldColumns, body);
            page.Row(["購入記録 / Purchase record", $"{notice.ShopId} / {notice.RecordId}"], FieldColumns, body);
            page.Row(["購入日 / Purchase date", notice.PurchaseDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)], FieldColumns, body);
            page.Row(["納付状況 / Payment", DutyNoticeWording.Payment(notice.Payment)], FieldColumns, DocumentFonts.Bold(9));
            if (notice.ReceiptNumber is { } receipt)
            {
                page.Row(["領収番号 / Receipt No.", receipt], FieldColumns, body);
            }

            page.Gap(8);
            page.Row(["品名\nGoods", "銘柄・型番・製造番号\nBrand, model, serial", "課税標準\nTax base", "税率\nRate", "税額\nTax"], ItemColumns, DocumentFonts.Bold(8), ruleBelow: true);
            foreach (var item in notice.Items)
            {
                page.Row(
                    [item.Description, item.Identification ?? "-", DutyNoticeWording.Yen(item.TaxBaseYen), item.RatePercent.ToString(CultureInfo.InvariantCulture) + "%", DutyNoticeWording.Yen(item.TaxYen)],
                    ItemColumns,
                    cell);
                page.Rule(0.25);
            }

            page.Gap(6);
            page.Row(["消費税額合計 / Total consumption tax", DutyNoticeWording.Yen(notice.TotalTaxYen)], TotalColumns, DocumentFonts.Bold(12));
            page.Text(PaymentSentence(notice.Payment), body);
            page.Gap(8);
            page.Basis(LegalBasisJa, LegalBasisEn);
        }

        return PdfFile.SaveAsPdfA2B(document);
    }

    private static string PaymentSentence(DutyPayment? payment) => payment is null
        ? "出国前に税関の窓口で納付してください。 / Please pay this tax at the customs counter before departure."
        : "この税額は納付済みです。 / This tax has been paid.";
}
