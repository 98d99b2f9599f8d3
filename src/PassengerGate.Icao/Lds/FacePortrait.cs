namespace PassengerGate.Icao.Lds;

/// <summary>The first portrait of DG2 with its declared size and encoding.</summary>
public sealed record FacePortrait(FaceImageType ImageType, int Width, int Height, byte[] ImageBytes)
{
    public string MediaType => ImageType == FaceImageType.Jpeg ? "image/jpeg" : "image/jp2";
}
