using System.Globalization;
using PassengerGate.Documents.Fonts;
using PassengerGate.Documents.Layout;
using PassengerGate.Documents.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PassengerGate.Documents.CurrencyDeclarations;

/// <summary>One line of a declaration as printed: the instrument, its currency and the amount declared (and counted).</summary>
public sealed record PrintedInstrument(string Kind, string Currency, decimal Declared, decimal? Counted);

/// <summary>What the traveller's copy of a currency declaration prints.</summary>
public sealed record CurrencyDeclarationCopy(
    string Number,
    string Airport,
    DateTimeOffset RecordedAt,
    string Direction,
    string BearerName,
    string? BearerNationality,
    string? BearerDocumentNumber,
    string? DestinationCountry,
    IReadOnlyList<PrintedInstrument> Instruments,
    decimal Total,
    string ReportingCurrency);

/// <summary>What the retention receipt for restrained cash prints.</summary>
public sealed record CashRetentionReceipt(
    string Number,
    string Airport,
    DateTimeOffset RestrainedAt,
    string Staff,
    string BearerName,
    string? BearerDocumentNumber,
    IReadOnlyList<PrintedInstrument> Instruments,
    decimal RestrainedAmount,
    string ReportingCurrency,
    string Origin,
    string IntendedUse);

/// <summary>
/// The traveller's copy of a currency declaration (with a QR of its number, so a desk finds it at once) and the
/// retention receipt for cash restrained on a false or missing declaration (FATF R.32 INR para. 5): A4, Japanese
/// and English, PDF/A-2b like the other documents kept for the record (decision 0012).
/// </summary>
public static class CurrencyDeclarationDocuments
{
    private static readonly XSize A4 = new(XUnit.FromMillimeter(210).Point, XUnit.FromMillimeter(297).Point);
    private static readonly double Margin = XUnit.FromMillimeter(15).Point;
    private static readonly TableColumn[] FieldColumns = [new(1), new(2)];
    private static readonly TableColumn[] LineColumns = [new(1.6), new(0.8), new(1.4, TextAlignment.Right), new(1.4, TextAlignment.Right)];

    public const string DeclarationBasisJa = "根拠：外国為替及び外国貿易法第19条第3項（支払手段等の携帯輸出・輸入の届出）。この控えは申告を受理した記録です。";

    public const string DeclarationBasisEn = "Basis: Foreign Exchange and Foreign Trade Act, Article 19(3) (declaration of means of payment carried across the border). This copy records that the declaration was received.";

    public const string RetentionJa = "上記の現金等を税関が留置しました。返還を受けるには、この留置票と旅券を持って上記空港の税関へお越しください。";

    public const string RetentionEn = "Customs has restrained the cash above. To have it released, bring this receipt and your passport to the customs office at the airport above.";

    public const string RetentionBasisJa = "根拠：FATF勧告32の解釈ノート第5項（虚偽申告・無申告の際の現金の一時留置）。";

    public const string RetentionBasisEn = "Basis: FATF Recommendation 32, Interpretive Note para. 5 (restraint of cash on a false or missing declaration).";

    public static byte[] RenderCopy(CurrencyDeclarationCopy copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        using var document = new PdfDocument();
        document.Info.Title = "支払手段等の携帯輸出・輸入申告書（控）/ Currency declaration (traveller's copy) " + copy.Number;
        document.Info.Subject = copy.Number;
        document.Info.CreationDate = copy.RecordedAt.UtcDateTime;
        using var qrStream = new MemoryStream(QrCodePng.Render(copy.Number));
        using var qr = XImage.FromStream(qrStream);
        var body = DocumentFonts.Regular(9);
        using (var page = PageComposer.Drawing(document, A4, Margin))
        {
            page.Text("税関 Japan Customs", DocumentFonts.Bold(14));
            page.Text("支払手段等の携帯輸出・輸入申告書（控）", DocumentFonts.Bold(13));
            page.Text("Declaration of means of payment — traveller's copy", DocumentFonts.Bold(11));
            page.Rule(1);
            page.Row(["申告番号 / Declaration No.", copy.Number], FieldColumns, body);
            page.Row(["空港 / Airport", copy.Airport], FieldColumns, body);
            page.Row(["受理日時 / Received at", copy.RecordedAt.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)], FieldColumns, body);
            page.Row(["区分 / Direction", copy.Direction == "departure" ? "輸出 / Departure" : "輸入 / Arrival"], FieldColumns, body);
            page.Row(["携帯者 / Bearer", copy.BearerName], FieldColumns, body);
            page.Row(["国籍・旅券番号 / Nationality, passport", $"{copy.BearerNationality} {copy.BearerDocumentNumber}".Trim()], FieldColumns, body);
            if (copy.DestinationCountry is { } destination)
            {
                page.Row(["仕向国 / Destination", destination], FieldColumns, body);
            }

            page.Gap(6);
            Lines(page, copy.Instruments, counted: false);
            page.Row(["合計 / Total", $"{copy.Total.ToString("#,0.##", CultureInfo.InvariantCulture)} {copy.ReportingCurrency}"], FieldColumns, DocumentFonts.Bold(9));
            page.Gap(8);
            page.Image(qr, XUnit.FromMillimeter(30).Point);
            page.Text(copy.Number, body, TextAlignment.Center);
            page.Gap(8);
            page.Rule();
            page.Text(DeclarationBasisJa, DocumentFonts.Regular(7.5));
            page.Gap(3);
            page.Text(DeclarationBasisEn, DocumentFonts.Regular(7.5));
        }

        return PdfFile.SaveAsPdfA2B(document);
    }

    public static byte[] RenderRetentionReceipt(CashRetentionReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        using var document = new PdfDocument();
        document.Info.Title = "現金等留置票 / Receipt for restrained cash " + receipt.Number;
        document.Info.Subject = receipt.Number;
        document.Info.CreationDate = receipt.RestrainedAt.UtcDateTime;
        var body = DocumentFonts.Regular(9);
        using (var page = PageComposer.Drawing(document, A4, Margin))
        {
            page.Text("税関 Japan Customs", DocumentFonts.Bold(14));
            page.Text("現金等留置票", DocumentFonts.Bold(13));
            page.Text("Receipt for restrained cash", DocumentFonts.Bold(11));
            page.Rule(1);
            page.Row(["留置票番号 / Receipt No.", "CR-" + receipt.Number], FieldColumns, body);
            page.Row(["申告番号 / Declaration No.", receipt.Number], FieldColumns, body);
            page.Row(["空港 / Airport", receipt.Airport], FieldColumns, body);
            page.Row(["留置日時 / Restrained at", receipt.RestrainedAt.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)], FieldColumns, body);
            page.Row(["担当職員 / Officer", receipt.Staff], FieldColumns, body);
            page.Row(["携帯者 / Bearer", $"{receipt.BearerName} {receipt.BearerDocumentNumber}".Trim()], FieldColumns, body);
            page.Row(["資金の出所 / Origin", receipt.Origin], FieldColumns, body);
            page.Row(["使途 / Intended use", receipt.IntendedUse], FieldColumns, body);
            page.Gap(6);
            Lines(page, receipt.Instruments, counted: true);
            page.Row(["留置額 / Restrained", $"{receipt.RestrainedAmount.ToString("#,0.##", CultureInfo.InvariantCulture)} {receipt.ReportingCurrency}"], FieldColumns, DocumentFonts.Bold(9));
            page.Gap(8);
            page.Text(RetentionJa, body);
            page.Gap(3);
            page.Text(RetentionEn, body);
            page.Gap(8);
            page.Rule();
            page.Text(RetentionBasisJa, DocumentFonts.Regular(7.5));
            page.Gap(3);
            page.Text(RetentionBasisEn, DocumentFonts.Regular(7.5));
        }

        return PdfFile.SaveAsPdfA2B(document);
    }

    private static void Lines(PageComposer page, IReadOnlyList<PrintedInstrument> lines, bool counted)
    {
        page.Row(["支払手段\nInstrument", "通貨\nCurrency", "申告額\nDeclared", counted ? "確認額\nCounted" : ""], LineColumns, DocumentFonts.Bold(8.5), ruleBelow: true);
        foreach (var line in lines)
        {
            page.Row(
                [line.Kind, line.Currency, line.Declared.ToString("#,0.##", CultureInfo.InvariantCulture), counted && line.Counted is { } c ? c.ToString("#,0.##", CultureInfo.InvariantCulture) : ""],
                LineColumns,
                DocumentFonts.Regular(8.5));
            page.Rule(0.25);
        }
    }
}
