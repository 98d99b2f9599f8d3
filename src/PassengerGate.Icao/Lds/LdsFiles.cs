namespace PassengerGate.Icao.Lds;

/// <summary>File identifiers and tags of the LDS 1.7 (Doc 9303-10 §4.6, table 39; JMRTD PassportService).</summary>
public static class LdsFiles
{
    /// <summary>The eMRTD application (Doc 9303-10 §4.1).</summary>
    public static ReadOnlySpan<byte> ApplicationId => [0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01];

    public const ushort CardAccess = 0x011C;
    public const ushort Com = 0x011E;
    public const ushort Sod = 0x011D;

    public const byte ComTag = 0x60;
    public const byte SodTag = 0x77;

    private static readonly byte[] DataGroupTags = [0x61, 0x75, 0x63, 0x76, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x70];

    /// <summary>DGn lives in file 01 0n (hex), e.g. DG1 0101, DG15 010F.</summary>
    public static ushort DataGroupFileId(int dataGroup) => dataGroup is >= 1 and <= 16
        ? (ushort)(0x0100 + dataGroup)
        : throw new ArgumentOutOfRangeException(nameof(dataGroup));

    public static byte DataGroupTag(int dataGroup) => dataGroup is >= 1 and <= 16
        ? DataGroupTags[dataGroup - 1]
        : throw new ArgumentOutOfRangeException(nameof(dataGroup));

    /// <summary>The data group a tag in EF.COM's tag list stands for, or null for an unknown tag.</summary>
    public static int? DataGroupForTag(int tag)
    {
        var index = Array.IndexOf(DataGroupTags, (byte)tag);
        return tag <= 0xFF && index >= 0 ? index + 1 : null;
    }
}
