using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.IO;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace PassengerGate.Documents.Pdf;

/// <summary>
/// Turns a composed PDFsharp document into the bytes the system hands out.
/// <para>
/// PDFsharp 6.2.4's <c>FlateDecode.Encode</c> writes a zlib header (78 DA) and a raw <c>DeflateStream</c> but no
/// Adler-32 trailer, which RFC 1950 §2.2 requires: qpdf warns on every such stream, Ghostscript reports "incorrect
/// data check", and strict readers refuse it. So PDFsharp is told to compress nothing, the saved file is opened
/// again, and every stream is compressed here with <see cref="ZLibStream"/>, which writes the trailer.
/// </para>
/// <para>
/// For PDF/A-2b (ISO 19005-2, level B) the file also gets PDF 1.7, an sRGB output intent and XMP metadata with
/// pdfaid:part 2 and pdfaid:conformance B matching the document information dictionary. PDFsharp's own
/// <c>SetPdfA()</c> cannot be used: it claims PDF/A-1a and compresses its colour profile with the same flawed encoder.
/// </para>
/// </summary>
public static partial class PdfFile
{
    private const string ProfileResource = "PassengerGate.Documents.Pdf.sRGB.icc";

    /// <summary>The sRGB profile is the same in every PDF/A document, so it is read and compressed once per process.</summary>
    /// <summary>
    /// Pooled buffers for the files on their way out: the uncompressed first save (≈ 160 KB for a duty notice, the
    /// font subset uncompressed) would otherwise grow a MemoryStream through every doubling on the large object heap.
    /// </summary>
    private static readonly RecyclableMemoryStreamManager Streams = new();

    private static readonly Lazy<byte[]> CompressedProfile = new(CompressProfile, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The document as a PDF whose every compressed stream is a complete zlib stream.</summary>
    public static byte[] Save(PdfDocument document) => Write(document, pdfA: false);

    /// <summary>The document as PDF/A-2b: embedded fonts (as the composer always makes them), sRGB output intent, XMP identification.</summary>
    public static byte[] SaveAsPdfA2B(PdfDocument document) => Write(document, pdfA: true);

    private static byte[] Write(PdfDocument document, bool pdfA)
    {
        ArgumentNullException.ThrowIfNull(document);
        var modified = document.Info.CreationDate;
        document.Options.NoCompression = true;
        document.Options.CompressContentStreams = false;
        using var first = Streams.GetStream(nameof(Write));
        document.Save(first, closeStream: false);
        first.Position = 0;
        using var copy = PdfReader.Open(first, PdfDocumentOpenMode.Modify);
        copy.Options.NoCompression = true;
        copy.Options.CompressContentStreams = false;

        // Opening for modification stamps the wall clock as the modification date; the document keeps its own time.
        copy.Info.ModificationDate = modified;
        foreach (var item in copy.Internals.GetAllObjects())
        {
            if (item is PdfDictionary { Stream: not null } stream && !IsMetadata(stream))
            {
                Recompress(stream);
            }
        }

        if (!pdfA)
        {
            return SaveToBytes(copy);
        }

        copy.Version = 17;
        AddOutputIntent(copy);

        // PDFsharp writes a fresh metadata stream on every save; the old one would stay behind unreferenced.
        copy.Internals.Catalog.Elements.Remove("/Metadata");
        using var saved = Streams.GetStream(nameof(Write));
        copy.Save(saved, closeStream: false);
        return ReplaceLastObjectWithMetadata(saved.GetBuffer().AsSpan(0, (int)saved.Length), Xmp(copy.Info));
    }

    private static byte[] SaveToBytes(PdfDocument document)
    {
        using var output = Streams.GetStream(nameof(SaveToBytes));
        document.Save(output, closeStream: false);
        return output.GetReadOnlySequence().ToArray();
    }

    private static bool IsMetadata(PdfDictionary dictionary) =>
        string.Equals(dictionary.Elements.GetName("/Type"), "/Metadata", StringComparison.Ordinal);

    /// <summary>Unfiltered streams get compressed; PDFsharp's flate streams (images) are inflated and compressed again. Other filters (DCT) stay.</summary>
    private static void Recompress(PdfDictionary dictionary)
    {
        var stream = dictionary.Stream!;
        var filter = dictionary.Elements["/Filter"];
        byte[] raw;
        if (filter is null)
        {
            raw = stream.Value;
        }
        else if (filter is PdfName name && string.Equals(name.Value, "/FlateDecode", StringComparison.Ordinal))
        {
            raw = InflateZlibBody(stream.Value);
        }
        else
        {
            return;
        }

        // Predictors (DecodeParms) act on the inflated bytes, so they stay valid for the same bytes compressed again.
        stream.Value = dictionary.Elements.ContainsKey("/Length1") ? FontPrograms.Zlib(raw) : Zlib(raw);
        dictionary.Elements.SetName("/Filter", "/FlateDecode");
    }

    /// <summary>Inflates a zlib stream's deflate body without checking the trailer PDFsharp leaves out.</summary>
    internal static byte[] InflateZlibBody(byte[] data)
    {
        // RFC 1950 §2.2: CM = 8 (deflate) in the low nibble of CMF, and CMF·256 + FLG a multiple of 31.
        if (data.Length < 2 || (data[0] & 0x0F) != 8 || ((data[0] << 8) | data[1]) % 31 != 0)
        {
            throw new InvalidDataException("a FlateDecode stream does not start with a zlib header");
        }

        using var input = new MemoryStream(data, 2, data.Length - 2, writable: false);
        using var inflate = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        inflate.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>
    /// zlib at its default level (6). The largest stream is the font subset (≈ 120 KB: PDFsharp keeps hmtx and loca for all
    /// of IPAex Gothic's glyphs), whose long runs make level 9 search about three times longer for under 1 % fewer bytes (measured for
    /// docs/performance.md); the level changes only the file size, never what a reader shows.
    /// </summary>
    internal static byte[] Zlib(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        return output.ToArray();
    }

    /// <summary>ISO 19005-2 §6.2.3: an output intent with S GTS_PDFA1 and an ICC profile, here sRGB because the pages paint in DeviceRGB and DeviceGray.</summary>
    private static void AddOutputIntent(PdfDocument document)
    {
        var profile = new PdfDictionary(document);
        document.Internals.AddObject(profile);

        // Each document gets its own copy of the shared bytes: PDFsharp keeps the array it is given.
        profile.CreateStream((byte[])CompressedProfile.Value.Clone());
        profile.Elements.SetInteger("/N", 3);
        profile.Elements.SetName("/Filter", "/FlateDecode");

        var intent = new PdfDictionary(document);
        intent.Elements.SetName("/Type", "/OutputIntent");
        intent.Elements.SetName("/S", "/GTS_PDFA1");
        intent.Elements.SetString("/OutputConditionIdentifier", "sRGB IEC61966-2.1");
        intent.Elements.SetString("/Info", "sRGB IEC61966-2.1");
        intent.Elements.SetReference("/DestOutputProfile", profile);
        var intents = new PdfArray(document);
        intents.Elements.Add(intent);
        document.Internals.Catalog.Elements["/OutputIntents"] = intents;
    }

    private static byte[] CompressProfile()
    {
        using var resource = typeof(PdfFile).Assembly.GetManifestResourceStream(ProfileResource)
            ?? throw new InvalidOperationException($"the colour profile {ProfileResource} is not embedded in {typeof(PdfFile).Assembly.GetName().Name}");
        using var bytes = new MemoryStream();
        resource.CopyTo(bytes);
        return Zlib(bytes.ToArray());
    }

    /// <summary>
    /// XMP for PDF/A-2b: the pdfaid identification (ISO 19005-2 §6.6.4) and, as §6.6.3 requires, the same title,
    /// subject, creator tool, producer and dates as the information dictionary. No bytes or encoding attribute in
    /// the packet header (§6.6.2.1).
    /// </summary>
    private static string Xmp(PdfDocumentInformation info)
    {
        var fields = new StringBuilder();
        void Add(string element) => fields.Append("      ").Append(element).Append('\n');
        Add("<pdfaid:part>2</pdfaid:part>");
        Add("<pdfaid:conformance>B</pdfaid:conformance>");
        Add("<dc:format>application/pdf</dc:format>");
        if (info.Title.Length > 0)
        {
            Add($"<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{SecurityElement.Escape(info.Title)}</rdf:li></rdf:Alt></dc:title>");
        }

        if (info.Subject.Length > 0)
        {
            Add($"<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{SecurityElement.Escape(info.Subject)}</rdf:li></rdf:Alt></dc:description>");
        }

        if (info.Author.Length > 0)
        {
            Add($"<dc:creator><rdf:Seq><rdf:li>{SecurityElement.Escape(info.Author)}</rdf:li></rdf:Seq></dc:creator>");
        }

        if (info.Creator.Length > 0)
        {
            Add($"<xmp:CreatorTool>{SecurityElement.Escape(info.Creator)}</xmp:CreatorTool>");
        }

        if (XmpDate(info.Elements["/CreationDate"]) is { } created)
        {
            Add($"<xmp:CreateDate>{created}</xmp:CreateDate>");
        }

        if (XmpDate(info.Elements["/ModDate"]) is { } modified)
        {
            Add($"<xmp:ModifyDate>{modified}</xmp:ModifyDate>");
        }

        if (info.Producer.Length > 0)
        {
            Add($"<pdf:Producer>{SecurityElement.Escape(info.Producer)}</pdf:Producer>");
        }

        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n" +
            "  <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
            "    <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"" +
            " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n" +
            fields +
            "    </rdf:Description>\n" +
            "  </rdf:RDF>\n" +
            "</x:xmpmeta>\n" +
            "<?xpacket end=\"w\"?>";
    }

    /// <summary>A PDF date (ISO 32000-1 §7.9.4, D:YYYYMMDDHHmmSSOHH'mm') as an XMP date (ISO 8601).</summary>
    internal static string? XmpDate(PdfItem? item)
    {
        var text = item switch
        {
            null => null,
            PdfString s => s.Value,
            _ => item.ToString(),
        };
        if (text is null || PdfDatePattern().Match(text) is not { Success: true } m)
        {
            return null;
        }

        string Part(string name, string fallback) => m.Groups[name].Success ? m.Groups[name].Value : fallback;
        var zone = m.Groups["sign"].Success
            ? m.Groups["sign"].Value == "Z" ? "Z" : $"{m.Groups["sign"].Value}{Part("oh", "00")}:{Part("om", "00")}"
            : "Z";
        return $"{m.Groups["y"].Value}-{Part("mo", "01")}-{Part("d", "01")}T{Part("h", "00")}:{Part("mi", "00")}:{Part("s", "00")}{zone}";
    }

    [GeneratedRegex(@"^D:(?<y>\d{4})(?<mo>\d{2})?(?<d>\d{2})?(?<h>\d{2})?(?<mi>\d{2})?(?<s>\d{2})?(?:(?<sign>[Z+\-])(?:(?<oh>\d{2})'?(?:(?<om>\d{2})'?)?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PdfDatePattern();

    /// <summary>
    /// Puts the XMP in place of the last object PDFsharp wrote, which is the metadata stream it generates during
    /// save (it is numbered after every other object). Offsets before it do not move, so only the object and the
    /// startxref value change; the cross-reference table and trailer are copied as they are. The stream stays
    /// unfiltered so any reader can find the XMP. Only the cross-reference table and trailer are read as text.
    /// </summary>
    private static byte[] ReplaceLastObjectWithMetadata(ReadOnlySpan<byte> pdf, string xmp)
    {
        var latin1 = Encoding.Latin1;
        var startxrefAt = pdf.LastIndexOf("startxref"u8);
        if (startxrefAt < 0)
        {
            throw new InvalidOperationException("PDFsharp's output has no startxref");
        }

        var xrefAt = int.Parse(latin1.GetString(pdf[(startxrefAt + "startxref".Length)..]).Trim().Split('\n', '\r')[0], NumberStyles.None, CultureInfo.InvariantCulture);
        var table = latin1.GetString(pdf[xrefAt..startxrefAt]);
        var section = XrefSection().Match(table);
        if (!section.Success || section.Index != 0 || section.Groups["first"].Value != "0")
        {
            throw new InvalidOperationException("PDFsharp's output has no single classic cross-reference section where startxref points");
        }

        var count = int.Parse(section.Groups["count"].Value, CultureInfo.InvariantCulture);
        var entriesAt = section.Length;
        long Offset(int objectNumber) => long.Parse(table.AsSpan(entriesAt + (20 * objectNumber), 10), CultureInfo.InvariantCulture);
        var last = count - 1;
        var lastAt = (int)Offset(last);
        if (Enumerable.Range(1, last - 1).Any(n => Offset(n) >= lastAt)
            || !pdf[lastAt..].StartsWith(latin1.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{last} 0 obj")))
            || pdf[lastAt..xrefAt].IndexOf("/Metadata"u8) < 0)
        {
            throw new InvalidOperationException("the metadata stream is not the last object of PDFsharp's output");
        }

        var xmpBytes = Encoding.UTF8.GetBytes(xmp);
        using var output = new MemoryStream(lastAt + xmpBytes.Length + table.Length + 256);
        output.Write(pdf[..lastAt]);
        output.Write(latin1.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{last} 0 obj\n<<\n/Type /Metadata\n/Subtype /XML\n/Length {xmpBytes.Length}\n>>\nstream\n")));
        output.Write(xmpBytes);
        output.Write(latin1.GetBytes("\nendstream\nendobj\n"));
        var newXrefAt = output.Position;
        // PDFsharp puts a "% Created with PDFsharp" comment right after the trailer's ">>"; the trailer ends at its own line instead.
        var comment = table.IndexOf("% Created with PDFsharp", StringComparison.Ordinal);
        output.Write(latin1.GetBytes((comment < 0 ? table : table[..comment]).TrimEnd() + "\n"));
        output.Write(latin1.GetBytes(string.Create(CultureInfo.InvariantCulture, $"startxref\n{newXrefAt}\n%%EOF\n")));
        return output.ToArray();
    }

    [GeneratedRegex(@"xref\r?\n(?<first>\d+) (?<count>\d+)\r?\n", RegexOptions.CultureInvariant)]
    private static partial Regex XrefSection();
}
