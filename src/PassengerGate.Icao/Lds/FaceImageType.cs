namespace PassengerGate.Icao.Lds;

/// <summary>The image data type of an ISO/IEC 19794-5 face record (0 = JPEG, 1 = JPEG 2000).</summary>
public enum FaceImageType
{
    Jpeg = 0,
    Jpeg2000 = 1,
}
