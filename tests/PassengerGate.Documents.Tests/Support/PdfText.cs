using UglyToad.PdfPig;

namespace PassengerGate.Documents.Tests.Support;

/// <summary>Reads a PDF back with PdfPig, an independent parser, the way a search index or a screen reader would.</summary>
internal static class PdfText
{
    /// <summary>Each page's text in content order with the spaces PdfPig infers between words removed.</summary>
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))];
    }

    public static string All(byte[] pdf) => string.Concat(Pages(pdf));

    /// <summary>The same text with whitespace removed, to compare sentences independent of how lines wrapped.</summary>
    public static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
