using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PassengerGate.Documents.Layout;

/// <summary>
/// Writes top to bottom on pages of one size, wrapping text and starting a new page when the next block
/// does not fit. Without a document it only measures, so a roll-paper slip can be sized to its content.
/// </summary>
public sealed class PageComposer : IDisposable
{
    /// <summary>Far above the rounding of adding a line's character widths (≈ 1e-13 pt), far below anything visible.</summary>
    private const double WidthTolerance = 1e-6;

    private readonly PdfDocument? document;
    private readonly XSize pageSize;
    private readonly double margin;
    private XGraphics graphics;

    private PageComposer(PdfDocument? document, XSize pageSize, double margin)
    {
        this.document = document;
        this.pageSize = pageSize;
        this.margin = margin;
        graphics = NewPage();
        Y = margin;
    }

    /// <summary>How far down the current page the next block starts, in points.</summary>
    public double Y { get; private set; }

    public double TextWidth => pageSize.Width - (2 * margin);

    public static PageComposer Drawing(PdfDocument document, XSize pageSize, double margin) => new(document, pageSize, margin);

    public static PageComposer Measuring(XSize pageSize, double margin) => new(null, pageSize, margin);

    public void Text(string text, XFont font, TextAlignment alignment = TextAlignment.Left, double indent = 0)
    {
        ArgumentNullException.ThrowIfNull(font);
        var lineHeight = font.GetHeight() * 1.15;
        foreach (var line in TextWrapper.Wrap(text, TextWidth - indent, WrapMeasure(font, TextWidth - indent)))
        {
            EnsureRoom(lineHeight);
            var x = margin + indent + Offset(alignment, TextWidth - indent, line, font);
            DrawString(line, font, x, Y);
            Y += lineHeight;
        }
    }

    /// <summary>One table row: each cell wrapped in its column; the row is as tall as its tallest cell and never split across pages.</summary>
    public void Row(IReadOnlyList<string> cells, IReadOnlyList<TableColumn> columns, XFont font, bool ruleBelow = false)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(font);
        const double padding = 2;
        var lineHeight = font.GetHeight() * 1.15;
        var total = columns.Sum(c => c.Share);
        var widths = columns.Select(c => (TextWidth * c.Share / total) - (2 * padding)).ToList();
        var wrapped = cells.Select((cell, i) => TextWrapper.Wrap(cell, widths[i], WrapMeasure(font, widths[i]))).ToList();
        var height = (wrapped.Max(w => w.Count) * lineHeight) + padding;
        EnsureRoom(height);
        var x = margin;
        for (var i = 0; i < cells.Count; i++)
        {
            var y = Y;
            foreach (var line in wrapped[i])
            {
                var left = x + padding + Offset(columns[i].Alignment, widths[i], line, font);
                DrawString(line, font, left, y);
                y += lineHeight;
            }

            x += widths[i] + (2 * padding);
        }

        Y += height;
        if (ruleBelow)
        {
            if (document is not null)
            {
                graphics.DrawLine(XPens.Gray, margin, Y, margin + TextWidth, Y);
            }

            Y += padding;
        }
    }

    /// <summary>A square image centred on the line; null only when measuring.</summary>
    public void Image(XImage? image, double size)
    {
        EnsureRoom(size);
        if (document is not null && image is not null)
        {
            graphics.DrawImage(image, margin + ((TextWidth - size) / 2), Y, size, size);
        }

        Y += size;
    }

    public void Rule(double thickness = 0.5)
    {
        EnsureRoom(4);
        if (document is not null)
        {
            graphics.DrawLine(new XPen(XColors.Black, thickness), margin, Y + 2, margin + TextWidth, Y + 2);
        }

        Y += 4;
    }

    public void Gap(double points) => Y += points;

    public void Dispose() => graphics.Dispose();

    /// <summary>Where a line starts in its width; only centred and right-aligned lines that are drawn need measuring.</summary>
    private double Offset(TextAlignment alignment, double width, string line, XFont font) => document is null ? 0 : alignment switch
    {
        TextAlignment.Center => (width - Measure(line, font)) / 2,
        TextAlignment.Right => width - Measure(line, font),
        _ => 0,
    };

    /// <summary>Baseline at 85 % of the font height below the line top, so Japanese ascenders stay inside the line.</summary>
    private void DrawString(string text, XFont font, double x, double top)
    {
        if (document is not null && text.Length > 0)
        {
            graphics.DrawString(text, font, XBrushes.Black, new XPoint(x, top + (font.GetHeight() * 0.85)));
        }
    }

    private double Measure(string text, XFont font) => text.Length == 0 ? 0 : graphics.MeasureString(text, font).Width;

    /// <summary>
    /// What line breaking compares with <paramref name="width"/>: the sum of cached character widths, or PDFsharp's own
    /// measure where rounding could put the sum on the other side of the width, so the breaks are PDFsharp's.
    /// </summary>
    private Func<string, double> WrapMeasure(XFont font, double width)
    {
        var characters = CharacterWidths.Of(font);
        return text => characters.Sum(text, font, graphics) is { } sum && Math.Abs(sum - width) > WidthTolerance ? sum : Measure(text, font);
    }

    private void EnsureRoom(double height)
    {
        if (document is null || Y + height <= pageSize.Height - margin || Y <= margin)
        {
            return;
        }

        graphics.Dispose();
        graphics = NewPage();
        Y = margin;
    }

    private XGraphics NewPage()
    {
        if (document is null)
        {
            return XGraphics.CreateMeasureContext(pageSize, XGraphicsUnit.Point, XPageDirection.Downwards);
        }

        var page = document.AddPage();
        page.Width = XUnit.FromPoint(pageSize.Width);
        page.Height = XUnit.FromPoint(pageSize.Height);
        return XGraphics.FromPdfPage(page);
    }
}
