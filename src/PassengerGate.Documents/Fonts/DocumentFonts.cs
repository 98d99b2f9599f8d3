using System.Collections.Concurrent;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PassengerGate.Documents.Fonts;

/// <summary>
/// IPAex Gothic at the sizes the documents use. Unicode encoding makes PDFsharp embed the subset with a
/// ToUnicode map, so the Japanese text stays searchable and extractable (WinAnsi cannot carry kanji).
/// <para>
/// Each size and weight is made once per process and shared by every document and thread: an <see cref="XFont"/> is
/// not changed by drawing with it (each document keeps its own font table and subset), while making one takes
/// PDFsharp's global font-factory lock, which concurrent renders would otherwise queue on for every line.
/// </para>
/// </summary>
public static class DocumentFonts
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    private static readonly ConcurrentDictionary<(double Size, XFontStyleEx Style), XFont> Fonts = new();

    public static XFont Regular(double size) => Font(size, XFontStyleEx.Regular);

    public static XFont Bold(double size) => Font(size, XFontStyleEx.Bold);

    private static XFont Font(double size, XFontStyleEx style)
    {
        IpaexFontResolver.Register();
        return Fonts.GetOrAdd((size, style), static key => new XFont(IpaexFontResolver.FamilyName, key.Size, key.Style, Unicode));
    }
}
