using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PassengerGate.Documents.Fonts;

/// <summary>
/// IPAex Gothic at the sizes the documents use. Unicode encoding makes PDFsharp embed the subset with a
/// ToUnicode map, so the Japanese text stays searchable and extractable (WinAnsi cannot carry kanji).
/// </summary>
public static class DocumentFonts
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    public static XFont Regular(double size)
    {
        IpaexFontResolver.Register();
        return new XFont(IpaexFontResolver.FamilyName, size, XFontStyleEx.Regular, Unicode);
    }

    public static XFont Bold(double size)
    {
        IpaexFontResolver.Register();
        return new XFont(IpaexFontResolver.FamilyName, size, XFontStyleEx.Bold, Unicode);
    }
}
