using PassengerGate.Documents.Fonts;
using PassengerGate.Documents.Layout;
using PassengerGate.Documents.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PassengerGate.Documents.Slips;

/// <summary>
/// The kiosk slip as a PDF on 80 mm roll paper (the common receipt width), one page as long as its content,
/// for printers driven through CUPS or for the officer's screen. <see cref="EscPos.KioskSlipEscPos"/> prints the
/// same content on an ESC/POS printer.
/// </summary>
public static class KioskSlipDocument
{
    private static readonly double PaperWidth = XUnit.FromMillimeter(80).Point;
    private static readonly double Margin = XUnit.FromMillimeter(4).Point;
    private static readonly double QrSize = XUnit.FromMillimeter(36).Point;

    public static byte[] Render(KioskSlip slip)
    {
        ArgumentNullException.ThrowIfNull(slip);
        var content = slip.Content();
        double height;
        using (var measure = PageComposer.Measuring(new XSize(PaperWidth, 100_000), Margin))
        {
            Compose(measure, content, qr: null);
            height = measure.Y + Margin;
        }

        using var document = new PdfDocument();
        document.Info.Title = "税関 受付票 / Customs slip " + slip.CaseNumber;
        document.Info.Subject = slip.CaseNumber;
        document.Info.CreationDate = slip.At.UtcDateTime;
        var qrData = content.OfType<SlipQrCode>().Select(q => q.Data).FirstOrDefault();
        using var qrStream = qrData is null ? null : new MemoryStream(QrCodePng.Render(qrData));
        using var qr = qrStream is null ? null : XImage.FromStream(qrStream);
        using (var composer = PageComposer.Drawing(document, new XSize(PaperWidth, height), Margin))
        {
            Compose(composer, content, qr);
        }

        return PdfFile.Save(document);
    }

    private static void Compose(PageComposer composer, IReadOnlyList<SlipElement> content, XImage? qr)
    {
        foreach (var element in content)
        {
            switch (element)
            {
                case SlipText text:
                    composer.Text(text.Text, FontFor(text.Style), text.Alignment);
                    if (text.Style == SlipTextStyle.Large)
                    {
                        composer.Gap(2);
                    }

                    break;
                case SlipQrCode:
                    composer.Gap(4);
                    composer.Image(qr, QrSize);
                    composer.Gap(2);
                    break;
                default:
                    throw new InvalidOperationException("unknown slip element " + element.GetType().Name);
            }
        }
    }

    private static XFont FontFor(SlipTextStyle style) => style switch
    {
        SlipTextStyle.Large => DocumentFonts.Bold(18),
        SlipTextStyle.Heading => DocumentFonts.Bold(10),
        SlipTextStyle.Small => DocumentFonts.Regular(7.5),
        _ => DocumentFonts.Regular(9),
    };
}
