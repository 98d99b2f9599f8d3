using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Graphics.Colors;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace PassengerGate.Documents.Tests.Support;

/// <summary>
/// Decodes the QR codes embedded in a PDF the way a scanner would see them: the image's pixels as PdfPig
/// decodes them from the PDF, turned into grey levels and handed to ZXing's QR reader (no bitmap binding
/// needed: ZXing takes a luminance array).
/// </summary>
internal static class PdfQrCodes
{
    public static IReadOnlyList<string> Decode(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().SelectMany(p => p.GetImages()).Select(DecodeImage)];
    }

    private static string DecodeImage(IPdfImage image)
    {
        if (!image.TryGetBytesAsMemory(out var memory))
        {
            throw new InvalidOperationException("PdfPig could not decode the image stream");
        }

        var luminance = Luminance(image, memory.Span);
        var source = new RGBLuminanceSource(luminance, image.WidthInSamples, image.HeightInSamples, RGBLuminanceSource.BitmapFormat.Gray8);
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = false, [DecodeHintType.TRY_HARDER] = true };
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints)
            ?? throw new InvalidOperationException("ZXing found no QR code in the image");
        return result.Text;
    }

    /// <summary>One grey byte per pixel from the PDF image samples (rows padded to whole bytes, PDF 32000-1 §8.9.3).</summary>
    private static byte[] Luminance(IPdfImage image, ReadOnlySpan<byte> samples)
    {
        var width = image.WidthInSamples;
        var height = image.HeightInSamples;
        var bits = image.BitsPerComponent;
        var components = image.ColorSpaceDetails is IndexedColorSpaceDetails ? 1 : image.ColorSpaceDetails?.NumberOfColorComponents ?? 1;
        var rowBytes = ((width * components * bits) + 7) / 8;
        var grey = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var values = new int[components];
                for (var c = 0; c < components; c++)
                {
                    var bitOffset = ((x * components) + c) * bits;
                    var b = samples[(y * rowBytes) + (bitOffset / 8)];
                    values[c] = bits == 8 ? b : (b >> (8 - bits - (bitOffset % 8))) & ((1 << bits) - 1);
                }

                grey[(y * width) + x] = Grey(image, values, bits);
            }
        }

        return grey;
    }

    private static byte Grey(IPdfImage image, int[] values, int bits)
    {
        if (image.ColorSpaceDetails is IndexedColorSpaceDetails indexed)
        {
            var n = indexed.BaseNumberOfColorComponents;
            var table = indexed.ColorTable;
            var sum = 0;
            for (var c = 0; c < n; c++)
            {
                sum += table[(values[0] * n) + c];
            }

            return (byte)(sum / n);
        }

        var max = (1 << bits) - 1;
        return (byte)(values.Average() * 255 / max);
    }
}
