using System.Xml.Linq;
using PassengerGate.Documents.DetainedGoods;
using PassengerGate.Documents.Tests.Support;
using UglyToad.PdfPig;

namespace PassengerGate.Documents.Tests.DetainedGoods;

public class DetainedGoodsReceiptDocumentTests
{
    // 09:05 UTC is 18:05 at Narita (Japan Standard Time, UTC+9): the receipt prints the airport's time.
    private static readonly DateTimeOffset Detained = new DateTimeOffset(2026, 11, 20, 9, 5, 0, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(9));

    public static DetainedGoodsReceipt Sample => new(
        "DG-123",
        "123",
        "NRT",
        "officer-tanaka",
        Detained,
        [
            new DetainedItem("象牙の置物 Ivory carving", 1, "ワシントン条約の輸出許可書が必要 / CITES export permit required"),
            new DetainedItem("肉製品 Beef jerky", 3, "動物検疫の証明書が必要 / Animal health certificate required"),
        ]);

    [Fact]
    public void Receipt_lists_the_goods_the_case_the_officer_the_airport_time_and_how_to_reclaim_in_both_languages()
    {
        var text = PdfText.Squeezed(PdfText.All(DetainedGoodsReceiptDocument.Render(Sample)));

        Assert.Contains(PdfText.Squeezed("留置物品預り証"), text, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeezed("Receipt for detained goods"), text, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeezed("象牙の置物 Ivory carving"), text, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeezed("肉製品 Beef jerky"), text, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeezed("CITES export permit required"), text, StringComparison.Ordinal);
        Assert.Contains("DG-123", text, StringComparison.Ordinal);
        Assert.Contains("officer-tanaka", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-2018:05+09:00", text, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeezed("How to reclaim"), text, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeezed("bring this receipt and your passport"), text, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeezed("この預り証と旅券を持って"), text, StringComparison.Ordinal);
        Assert.Contains("関税法第86条", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Receipt_passes_qpdf_check_without_a_warning_and_every_stream_inflates()
    {
        var pdf = DetainedGoodsReceiptDocument.Render(Sample);

        // qpdf exits 0 only without errors or warnings (3 = warnings) (qpdf manual, "--check").
        var (exitCode, output) = Qpdf.Run(pdf, "--check");
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("WARNING", output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("No syntax or stream encoding errors found", output, StringComparison.Ordinal);
        var (inflateExit, inflateOutput) = Qpdf.Run(pdf, "--stream-data=uncompress", "--decode-level=all", Qpdf.Input, "/dev/null");
        Assert.True(inflateExit == 0, inflateOutput);
    }

    [Fact]
    public void Receipt_is_marked_pdfa_2b()
    {
        var pdf = DetainedGoodsReceiptDocument.Render(Sample);

        // ISO 19005-2 §6.1.2 (PDF 1.7 header) and §6.6.4 (XMP part 2, conformance B), §6.6.3 (title as in Info).
        Assert.Equal("%PDF-1.7", System.Text.Encoding.Latin1.GetString(pdf, 0, 8));
        using var read = PdfDocument.Open(pdf);
        Assert.True(read.TryGetXmpMetadata(out var xmp));
        using var xmpBytes = new MemoryStream(xmp.GetXmlBytes().ToArray());
        var xml = XDocument.Load(xmpBytes);
        XNamespace pdfaid = "http://www.aiim.org/pdfa/ns/id/";
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        Assert.Equal("2", xml.Descendants(pdfaid + "part").Single().Value);
        Assert.Equal("B", xml.Descendants(pdfaid + "conformance").Single().Value);
        Assert.Equal(read.Information.Title, xml.Descendants(dc + "title").Single().Value);
        // §6.2.3: an output intent of subtype GTS_PDFA1 with an embedded RGB ICC profile (read with qpdf's JSON).
        var objects = Qpdf.Objects(pdf);
        System.Text.Json.JsonElement Value(string reference) => objects.GetProperty("obj:" + reference) is var o && o.TryGetProperty("stream", out var st) ? st.GetProperty("dict") : o.GetProperty("value");
        var catalog = Value(objects.GetProperty("trailer").GetProperty("value").GetProperty("/Root").GetString()!);
        var intent = Assert.Single(catalog.GetProperty("/OutputIntents").EnumerateArray());
        Assert.Equal("/GTS_PDFA1", intent.GetProperty("/S").GetString());
        Assert.Equal(3, Value(intent.GetProperty("/DestOutputProfile").GetString()!).GetProperty("/N").GetInt32());
    }

    [Fact]
    public void A_receipt_without_goods_is_refused() =>
        Assert.Throws<ArgumentException>(() => DetainedGoodsReceiptDocument.Render(Sample with { Items = [] }));
}
