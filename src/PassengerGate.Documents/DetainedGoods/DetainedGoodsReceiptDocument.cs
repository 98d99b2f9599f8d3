using System.Globalization;
using PassengerGate.Documents.Fonts;
using PassengerGate.Documents.Layout;
using PassengerGate.Documents.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PassengerGate.Documents.DetainedGoods;

/// <summary>
/// The receipt handed to a traveller whose goods customs keeps (Customs Act art. 86, detention of goods carried by
/// a traveller): the goods, the case, the officer, when, and how to reclaim them; A4, Japanese and English, saved as
/// PDF/A-2b like the duty notice because it is kept for the record (decision 0012).
/// </summary>
public static class DetainedGoodsReceiptDocument
{
    private static readonly XSize A4 = new(XUnit.FromMillimeter(210).Point, XUnit.FromMillimeter(297).Point);
    private static readonly double Margin = XUnit.FromMillimeter(15).Point;

    private static readonly TableColumn[] FieldColumns = [new(1), new(2)];

    private static readonly TableColumn[] ItemColumns = [new(0.4, TextAlignment.Right), new(3), new(0.8, TextAlignment.Right), new(2.6)];

    public const string ReclaimJa =
        "返還を受けるには、この預り証と旅券を持って、上記空港の税関（留置品の窓口）へお越しください。" +
        "輸入に許可・承認・証明書などが必要な物品は、その書類をお持ちください。" +
        "受け取らない物品は、積戻し（国外への返送）または放棄の手続ができます。";

    public const string ReclaimEn =
        "To reclaim these goods, bring this receipt and your passport to the customs office (detained goods counter) " +
        "at the airport above. Goods that need an import permit, approval or certificate are returned when you show it. " +
        "Goods you do not reclaim can be shipped back abroad or abandoned at your request.";

    public const string BasisJa = "根拠：関税法第86条（旅客又は乗組員の携帯品の留置）。この預り証は輸入の許可ではありません。";

    public const string BasisEn = "Basis: Customs Act, Article 86 (detention of goods carried by travellers). This receipt is not an import permit.";

    public static byte[] Render(DetainedGoodsReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (receipt.Items.Count == 0)
        {
            throw new ArgumentException("a receipt lists at least one article", nameof(receipt));
        }

        using var document = new PdfDocument();
        document.Info.Title = "留置物品預り証 / Receipt for detained goods " + receipt.ReceiptNumber;
        document.Info.Subject = receipt.CaseNumber;
        document.Info.CreationDate = receipt.DetainedAt.UtcDateTime;

        var body = DocumentFonts.Regular(9);
        var small = DocumentFonts.Regular(7.5);
        var cell = DocumentFonts.Regular(8.5);
        var header = DocumentFonts.Bold(8.5);
        using (var page = PageComposer.Drawing(document, A4, Margin))
        {
            page.Text("税関 Japan Customs", DocumentFonts.Bold(14));
            page.Text("留置物品預り証", DocumentFonts.Bold(13));
            page.Text("Receipt for detained goods", DocumentFonts.Bold(11));
            page.Rule(1);

            page.Row(["預り証番号 / Receipt No.", receipt.ReceiptNumber], FieldColumns, body);
            page.Row(["受付番号 / Case No.", receipt.CaseNumber], FieldColumns, body);
            page.Row(["空港 / Airport", receipt.Airport], FieldColumns, body);
            page.Row(["留置日時 / Detained at", receipt.DetainedAt.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)], FieldColumns, body);
            page.Row(["担当職員 / Officer", receipt.Officer], FieldColumns, body);
            page.Gap(8);

            page.Row(["No.", "品名\nGoods", "数量\nQuantity", "留置の理由\nReason"], ItemColumns, header, ruleBelow: true);
            var number = 1;
            foreach (var item in receipt.Items)
            {
                page.Row(
                    [number.ToString(CultureInfo.InvariantCulture), item.Description, item.Quantity.ToString("N0", CultureInfo.InvariantCulture), item.Reason],
                    ItemColumns,
                    cell);
                page.Rule(0.25);
                number++;
            }

            page.Gap(8);
            page.Text("返還の手続 / How to reclaim", DocumentFonts.Bold(10));
            page.Text(ReclaimJa, body);
            page.Gap(3);
            page.Text(ReclaimEn, body);
            page.Gap(8);
            page.Rule();
            page.Text(BasisJa, small);
            page.Gap(3);
            page.Text(BasisEn, small);
        }

        return PdfFile.SaveAsPdfA2B(document);
    }
}
