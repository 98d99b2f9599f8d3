using QRCoder;

namespace PassengerGate.Documents.Layout;

/// <summary>
/// A QR code as a black-and-white PNG, with the 4-module quiet zone scanners need (ISO/IEC 18004). The
/// colours are given as RGBA: QRCoder's default 1-bit greyscale PNG is rejected by PDFsharp 6.2's importer
/// ("Unsupported image format", tried here), its RGBA palette PNG is accepted.
/// </summary>
public static class QrCodePng
{
    private static readonly byte[] Black = [0, 0, 0, 255];
    private static readonly byte[] White = [255, 255, 255, 255];

    public static byte[] Render(string data, int pixelsPerModule = 8)
    {
        ArgumentException.ThrowIfNullOrEmpty(data);
        using var generator = new QRCodeGenerator();
        using var code = generator.CreateQrCode(data, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(code);
        return png.GetGraphic(pixelsPerModule, Black, White);
    }
}
