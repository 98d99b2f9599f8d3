using System.Collections.Concurrent;
using PdfSharp.Drawing;

namespace PassengerGate.Documents.Layout;

/// <summary>
/// Widths of single characters in one font at one size, measured once per process, so line breaking can add them up
/// instead of asking PDFsharp to measure every candidate line. PDFsharp 6.2.4 maps each character to its glyph by
/// walking the font's cmap segments one by one, which for IPAex Gothic (thousands of segments) made measuring the
/// wrapped lines the largest cost of a document (docs/performance.md). PDFsharp measures a string as the sum of its
/// glyphs' advances (no kerning), so the sum differs from its own measure by rounding only; <see cref="PageComposer"/>
/// asks PDFsharp itself whenever the sum is that close to the line width, so every break stays where it was.
/// </summary>
public sealed class CharacterWidths
{
    private static readonly ConcurrentDictionary<(string Family, double Size, XFontStyleEx Style), CharacterWidths> Fonts = new();

    private readonly ConcurrentDictionary<char, double> widths = new();

    /// <summary>The widths for the font's family, size and style; fonts that equal in those measure alike.</summary>
    public static CharacterWidths Of(XFont font)
    {
        ArgumentNullException.ThrowIfNull(font);
        return Fonts.GetOrAdd((font.FontFamily.Name, font.Size, font.Style), static _ => new CharacterWidths());
    }

    /// <summary>The sum of the characters' widths in <paramref name="font"/> (the font this table is <see cref="Of"/>); null when the text holds a surrogate, which only measures in pairs.</summary>
    public double? Sum(string text, XFont font, XGraphics graphics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(graphics);
        var sum = 0.0;
        foreach (var c in text)
        {
            if (char.IsSurrogate(c))
            {
                return null;
            }

            sum += widths.TryGetValue(c, out var width) ? width : widths.GetOrAdd(c, graphics.MeasureString(c.ToString(), font).Width);
        }

        return sum;
    }
}
