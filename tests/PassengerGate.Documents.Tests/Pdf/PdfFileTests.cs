using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using PassengerGate.Documents.DutyNotices;
using PassengerGate.Documents.Slips;
using PassengerGate.Documents.Tests.DutyNotices;
using PassengerGate.Documents.Tests.Support;
using PassengerGate.Domain.Arrival;
using UglyToad.PdfPig;

namespace PassengerGate.Documents.Tests.Pdf;

public class PdfFileTests
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 20, 18, 5, 0, TimeSpan.FromHours(9));

    public static TheoryData<string> EveryDocument => ["red slip", "green slip", "unpaid notice", "paid notice", "three-page notice"];

    private static byte[] Render(string document) => document switch
    {
        "red slip" => KioskSlipDocument.Render(new KioskSlip("C-2026-000123", "HND-T3-K07", Issued, Lane.Red, [new SlipReason("duty.due", "税額があります。", "Duty is due.")])),
        "green slip" => KioskSlipDocument.Render(new KioskSlip("C-2026-000124", "HND-T3-K07", Issued, Lane.Green, [])),
        "unpaid notice" => DutyNoticeDocument.Render(new DutyNotice("N-1", "C-1", Issued, Assessments.Of(Assessments.Whisky, Assessments.Watch, Assessments.Jacket), Payment: null)),
        "paid notice" => DutyNoticeDocument.Render(new DutyNotice("N-2", "C-2", Issued, Assessments.Of(Assessments.Whisky, Assessments.Jacket), new DutyPayment(8_700, PaymentMethod.Cash, Issued))),
        "three-page notice" => DutyNoticeDocument.Render(new DutyNotice("N-3", "C-3", Issued, Assessments.Of([.. Enumerable.Range(1, 60).Select(i => Assessments.Jacket with { Description = $"品物 Item {i:D2}" })]), Payment: null)),
        _ => throw new ArgumentOutOfRangeException(nameof(document)),
    };

    [Theory]
    [MemberData(nameof(EveryDocument))]
    public void Pdf_passes_qpdf_check_without_a_warning(string document)
    {
        var (exitCode, output) = Qpdf.Run(Render(document), "--check");

        // qpdf exits 0 only without errors or warnings (3 = warnings), and says so on its last lines (qpdf manual, "--check").
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("WARNING", output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("No syntax or stream encoding errors found", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryDocument))]
    public void Every_stream_of_the_pdf_decompresses_with_its_zlib_checksum(string document)
    {
        // Rewriting with every stream uncompressed makes qpdf inflate all of them, fonts and images included; a
        // missing or wrong Adler-32 (RFC 1950 §2.2) is a warning and exit code 3.
        var (exitCode, output) = Qpdf.Run(Render(document), "--stream-data=uncompress", "--decode-level=all", Qpdf.Input, "/dev/null");

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("WARNING", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Duty_notice_carries_the_pdfa_2b_markers()
    {
        var pdf = Render("paid notice");
        var objects = Qpdf.Objects(pdf);
        JsonElement Value(string reference) => objects.GetProperty("obj:" + reference) is var o && o.TryGetProperty("stream", out var s) ? s.GetProperty("dict") : o.GetProperty("value");

        // ISO 19005-2 §6.1.2: a PDF 1.x header; PDF/A-2 is based on PDF 1.7.
        Assert.Equal("%PDF-1.7", Encoding.Latin1.GetString(pdf, 0, 8));

        // §6.1.3: the trailer has an ID of two strings and no Encrypt.
        var trailer = objects.GetProperty("trailer").GetProperty("value");
        Assert.Equal(2, trailer.GetProperty("/ID").GetArrayLength());
        Assert.False(trailer.TryGetProperty("/Encrypt", out _));

        // §6.2.3: an output intent of subtype GTS_PDFA1 with an embedded three-component (RGB) ICC profile.
        var catalog = Value(trailer.GetProperty("/Root").GetString()!);
        var intent = Assert.Single(catalog.GetProperty("/OutputIntents").EnumerateArray());
        Assert.Equal("/GTS_PDFA1", intent.GetProperty("/S").GetString());
        Assert.Equal(3, Value(intent.GetProperty("/DestOutputProfile").GetString()!).GetProperty("/N").GetInt32());

        // §6.6.2.1: the catalog's metadata stream is XML.
        var metadata = Value(catalog.GetProperty("/Metadata").GetString()!);
        Assert.Equal("/XML", metadata.GetProperty("/Subtype").GetString());

        // §6.2.11.4.1: every font program is embedded.
        var descriptors = objects.EnumerateObject().Where(o => o.Name.StartsWith("obj:", StringComparison.Ordinal))
            .Select(o => Value(o.Name[4..]))
            .Where(d => d.ValueKind == JsonValueKind.Object && d.TryGetProperty("/Type", out var t) && t.GetString() == "/FontDescriptor")
            .ToList();
        Assert.NotEmpty(descriptors);
        Assert.All(descriptors, d => Assert.True(d.TryGetProperty("/FontFile2", out _) || d.TryGetProperty("/FontFile3", out _) || d.TryGetProperty("/FontFile", out _)));

        // §6.6.4: the XMP identifies the part and conformance level; §6.6.3: its title matches the information dictionary.
        using var read = PdfDocument.Open(pdf);
        Assert.True(read.TryGetXmpMetadata(out var xmp));
        // XMP is UTF-8 (XMP spec part 1, §7.3.2); PdfPig 0.1.16's GetXDocument reads it as Latin-1, so parse the bytes.
        using var xmpBytes = new MemoryStream(xmp.GetXmlBytes().ToArray());
        var xml = XDocument.Load(xmpBytes);
        XNamespace pdfaid = "http://www.aiim.org/pdfa/ns/id/";
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        Assert.Equal("2", xml.Descendants(pdfaid + "part").Single().Value);
        Assert.Equal("B", xml.Descendants(pdfaid + "conformance").Single().Value);
        Assert.Equal(read.Information.Title, xml.Descendants(dc + "title").Single().Value);
        Assert.StartsWith("関税等のお知らせ / Duty notice N-2", read.Information.Title, StringComparison.Ordinal);
    }
}
