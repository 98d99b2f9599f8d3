using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PassengerGate.Documents.Pdf;

/// <summary>
/// The compressed font subsets of recent documents. The subset PDFsharp embeds (≈ 120 KB for IPAex Gothic, as it keeps
/// the metrics and glyph offsets of every glyph) is the largest stream of every document and the same whenever two
/// documents print the same characters, as slips of one kind mostly do; compressing it is then done once. Keyed by the
/// SHA-256 of the uncompressed subset, so a document only ever gets the compression of its own bytes.
/// </summary>
internal static class FontPrograms
{
    /// <summary>At most this many subsets are kept (≈ 32 KB each compressed); past it the cache starts again.</summary>
    private const int Capacity = 64;

    private static readonly ConcurrentDictionary<string, byte[]> Compressed = new(StringComparer.Ordinal);

    /// <summary>The zlib stream of <paramref name="raw"/>, a new array the caller may keep.</summary>
    public static byte[] Zlib(byte[] raw)
    {
        var key = Convert.ToHexString(SHA256.HashData(raw));
        if (!Compressed.TryGetValue(key, out var compressed))
        {
            compressed = PdfFile.Zlib(raw);
            if (Compressed.Count >= Capacity)
            {
                Compressed.Clear();
            }

            Compressed[key] = compressed;
        }

        return (byte[])compressed.Clone();
    }
}
