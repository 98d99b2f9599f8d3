using System.Diagnostics;
using PassengerGate.Icao.Lds;
using PassengerGate.KioskShell.Chip;
using PassengerGate.KioskShell.Tests.Support;

namespace PassengerGate.KioskShell.Tests.Chip;

public sealed class Jpeg2000PortraitTests
{
    [FacesFact]
    public async Task A_JPEG_2000_chip_portrait_becomes_a_JPEG_a_browser_can_show()
    {
        // A JPEG 2000 codestream made from a test face with ffmpeg's own encoder (not the code under test).
        var jp2 = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pgate-{Guid.NewGuid():N}.j2k");
        try
        {
            var encode = Process.Start(new ProcessStartInfo("ffmpeg", ["-hide_banner", "-loglevel", "error", "-i", System.IO.Path.Combine(Faces.Folder, "obama_1.jpg"), "-vf", "scale=240:-2", "-c:v", "jpeg2000", "-f", "image2", jp2]))!;
            await encode.WaitForExitAsync();
            Assert.Equal(0, encode.ExitCode);
            var bytes = await File.ReadAllBytesAsync(jp2);
            // The JP2 file format's signature box (ISO/IEC 15444-1 Annex I.5.1): length 12, type "jP  ".
            Assert.Equal([0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20], bytes[..8]);

            var converted = await Jpeg2000Portrait.ToBrowserImageAsync(new FacePortrait(FaceImageType.Jpeg2000, 240, 296, bytes), default);

            Assert.Equal(FaceImageType.Jpeg, converted.ImageType);
            Assert.Equal("image/jpeg", converted.MediaType);
            Assert.Equal([0xFF, 0xD8], converted.ImageBytes[..2]); // JPEG SOI
            Assert.Equal([0xFF, 0xD9], converted.ImageBytes[^2..]); // JPEG EOI
        }
        finally
        {
            File.Delete(jp2);
        }
    }

    [Fact]
    public async Task A_damaged_JPEG_2000_portrait_is_an_error_not_an_image()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Jpeg2000Portrait.ToBrowserImageAsync(new FacePortrait(FaceImageType.Jpeg2000, 10, 10, [0xFF, 0x4F, 0x00, 0x01, 0x02]), default));
        Assert.Contains("JPEG 2000", ex.Message, StringComparison.Ordinal);
    }
}
