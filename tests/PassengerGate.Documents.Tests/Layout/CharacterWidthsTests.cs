using PassengerGate.Documents.DutyNotices;
using PassengerGate.Documents.Fonts;
using PassengerGate.Documents.Layout;
using PdfSharp.Drawing;

namespace PassengerGate.Documents.Tests.Layout;

public class CharacterWidthsTests
{
    public static TheoryData<string> Texts =>
    [
        DutyNoticeWording.LegalBasisJa,
        DutyNoticeWording.LegalBasisEn,
        "税関 Japan Customs — 課税価格 / Customs value ¥1,234,567 （ウイスキー）「腕時計」。",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Every_prefix_measures_as_the_sum_of_its_characters_as_pdfsharp_measures_it(string text)
    {
        // The composer breaks lines by the sum of cached character widths and trusts it away from the line width;
        // that holds only while PDFsharp measures a string as the plain sum of its glyph advances (no kerning,
        // no shaping). PDFsharp's own XGraphics.MeasureString is the reference here.
        using var graphics = XGraphics.CreateMeasureContext(new XSize(600, 800), XGraphicsUnit.Point, XPageDirection.Downwards);
        foreach (var font in new[] { DocumentFonts.Regular(7.5), DocumentFonts.Regular(9), DocumentFonts.Bold(9), DocumentFonts.Bold(18) })
        {
            var widths = CharacterWidths.Of(font);
            for (var length = 1; length <= text.Length; length++)
            {
                var prefix = text[..length];
                var expected = graphics.MeasureString(prefix, font).Width;

                Assert.Equal(expected, widths.Sum(prefix, font, graphics)!.Value, 1e-9);
            }
        }
    }

    [Fact]
    public void Text_with_a_surrogate_pair_is_left_to_pdfsharp()
    {
        using var graphics = XGraphics.CreateMeasureContext(new XSize(600, 800), XGraphicsUnit.Point, XPageDirection.Downwards);
        var font = DocumentFonts.Regular(9);

        Assert.Null(CharacterWidths.Of(font).Sum("𠮷野家", font, graphics));
    }
}
