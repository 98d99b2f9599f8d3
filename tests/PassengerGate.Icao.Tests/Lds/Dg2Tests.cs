using PassengerGate.Icao.Lds;

namespace PassengerGate.Icao.Tests.Lds;

// DG2 layout: Doc 9303-10 §4.7.2 (75 / 7F61 / 7F60 / 5F2E) around an ISO/IEC 19794-5:2005 record whose image
// data type byte is 0 for JPEG and 1 for JPEG 2000.
public class Dg2Tests
{
    [Theory]
    [InlineData(FaceImageType.Jpeg, "image/jpeg")]
    [InlineData(FaceImageType.Jpeg2000, "image/jp2")]
    public void The_portrait_and_its_type_come_back_out_of_DG2(FaceImageType type, string mediaType)
    {
        byte[] image = [0xFF, 0x4F, 0xFF, 0x51, 1, 2, 3, 4, 5];

        var portrait = Dg2.ReadPortrait(Dg2.Encode(image, type, 413, 531));

        Assert.Equal(type, portrait.ImageType);
        Assert.Equal(mediaType, portrait.MediaType);
        Assert.Equal((413, 531), (portrait.Width, portrait.Height));
        Assert.Equal(image, portrait.ImageBytes);
    }

    [Fact]
    public void A_file_that_is_not_DG2_is_rejected()
    {
        Assert.Throws<FormatException>(() => Dg2.ReadPortrait(Dg1.Encode("P<UTO")));
    }
}
