using System.Buffers.Binary;

namespace PassengerGate.Icao.Lds;

/// <summary>
/// DG2 (Doc 9303-10 §4.7.2): 75 { 7F61 { 02 count, 7F60 { A1 header, 5F2E biometric data } } } where the
/// biometric data block is an ISO/IEC 19794-5:2005 face record: "FAC\0", version, record length, face count,
/// a 20-byte facial information block, 8-byte feature points, a 12-byte image information block, then the image.
/// </summary>
public static class Dg2
{
    private static ReadOnlySpan<byte> FormatIdentifier => "FAC\0"u8;

    public static FacePortrait ReadPortrait(ReadOnlyMemory<byte> file)
    {
        var outer = BerTlv.Read(file);
        if (outer.Tag != LdsFiles.DataGroupTag(2))
        {
            throw new FormatException("DG2 must start with tag 75.");
        }

        var group = BerTlv.Find(outer.Value, 0x7F61) ?? throw new FormatException("DG2 has no biometric group template 7F61.");
        var template = BerTlv.Find(group.Value, 0x7F60) ?? throw new FormatException("DG2 has no biometric template 7F60.");
        var data = BerTlv.Find(template.Value, 0x5F2E) ?? BerTlv.Find(template.Value, 0x7F2E)
            ?? throw new FormatException("DG2 has no biometric data block 5F2E.");
        return ParseFaceRecord(data.Value.Span);
    }

    public static FacePortrait ParseFaceRecord(ReadOnlySpan<byte> record)
    {
        if (record.Length < 14 + 20 + 12 || !record[..4].SequenceEqual(FormatIdentifier))
        {
            throw new FormatException("The biometric data block is not an ISO/IEC 19794-5 face record.");
        }

        var facial = record[14..];
        var blockLength = (int)BinaryPrimitives.ReadUInt32BigEndian(facial);
        var featurePoints = BinaryPrimitives.ReadUInt16BigEndian(facial[4..]);
        var imageInfo = 20 + (featurePoints * 8);
        if (facial.Length < imageInfo + 12 || blockLength > facial.Length || blockLength < imageInfo + 12)
        {
            throw new FormatException("The face record is cut short.");
        }

        var dataType = facial[imageInfo + 1];
        var width = BinaryPrimitives.ReadUInt16BigEndian(facial[(imageInfo + 2)..]);
        var height = BinaryPrimitives.ReadUInt16BigEndian(facial[(imageInfo + 4)..]);
        var image = facial[(imageInfo + 12)..blockLength].ToArray();
        var type = dataType switch
        {
            0 => FaceImageType.Jpeg,
            1 => FaceImageType.Jpeg2000,
            _ => SniffType(image),
        };
        return new FacePortrait(type, width, height, image);
    }

    /// <summary>Builds a one-face DG2 around an image, as an issuer would (full frontal, no feature points).</summary>
    public static byte[] Encode(ReadOnlySpan<byte> image, FaceImageType type, int width, int height)
    {
        var facialLength = 20 + 12 + image.Length;
        var record = new byte[14 + facialLength];
        FormatIdentifier.CopyTo(record);
        "010\0"u8.CopyTo(record.AsSpan(4));
        BinaryPrimitives.WriteUInt32BigEndian(record.AsSpan(8), (uint)record.Length);
        BinaryPrimitives.WriteUInt16BigEndian(record.AsSpan(12), 1);
        var facial = record.AsSpan(14);
        BinaryPrimitives.WriteUInt32BigEndian(facial, (uint)facialLength);
        var info = facial[20..];
        info[0] = 1; // full frontal face image type
        info[1] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(info[2..], (ushort)width);
        BinaryPrimitives.WriteUInt16BigEndian(info[4..], (ushort)height);
        info[6] = 1; // 24-bit RGB
        image.CopyTo(facial[32..]);

        byte[] header = [.. BerTlv.Encode(0x80, [0x01, 0x01]), .. BerTlv.Encode(0x81, [0x02]), .. BerTlv.Encode(0x87, [0x01, 0x01]), .. BerTlv.Encode(0x88, [0x00, 0x08])];
        var bit = BerTlv.Encode(0x7F60, [.. BerTlv.Encode(0xA1, header), .. BerTlv.Encode(0x5F2E, record)]);
        return BerTlv.Encode(0x75, BerTlv.Encode(0x7F61, [.. BerTlv.Encode(0x02, [0x01]), .. bit]));
    }

    private static FaceImageType SniffType(byte[] image) =>
        image.Length > 2 && image[0] == 0xFF && image[1] == 0xD8 ? FaceImageType.Jpeg : FaceImageType.Jpeg2000;
}
