using PassengerGate.Icao.Apdu;
using PassengerGate.Icao.Lds;

namespace PassengerGate.Icao.Reading;

/// <summary>
/// Selects an elementary file by identifier and reads it whole: first 4 bytes for the TLV header (as in
/// Doc 9303-11 App. D.4), then the rest in chunks. Offsets above 7FFF use READ BINARY with odd INS B1 and an
/// offset DO'54' (ISO/IEC 7816-4 §11.3.3), because P1 bit 8 of even-INS READ BINARY means "short file identifier".
/// </summary>
public sealed class ChipFileReader(ChipChannel channel, int maxChunk)
{
    /// <summary>Largest short-length chunk whose protected response still fits 256 bytes (JMRTD uses 0xDF).</summary>
    public const int ShortChunk = 0xDF;

    public async Task<byte[]> ReadFileAsync(ushort fileId, CancellationToken ct) =>
        await TryReadFileAsync(fileId, ct) ?? throw new ChipCommunicationException($"File {fileId:X4} is not on the chip", 0x6A82);

    /// <summary>Reads a file, or returns null when the chip says it does not exist (6A82).</summary>
    public async Task<byte[]?> TryReadFileAsync(ushort fileId, CancellationToken ct)
    {
        var select = await channel.SendAsync(new CommandApdu(0x00, 0xA4, 0x02, 0x0C, (byte[])[(byte)(fileId >> 8), (byte)fileId], 0), ct);
        if (select.StatusWord == 0x6A82)
        {
            return null;
        }

        if (!select.IsSuccess)
        {
            throw new ChipCommunicationException($"SELECT {fileId:X4} failed", select.StatusWord);
        }

        // The first 4 bytes hold the header of every file up to 64 kB (as in the Doc 9303-11 D.4 example);
        // a longer length (83 xx xx xx, a large portrait) needs the header read again at its full size.
        var head = await ReadBinaryAsync(0, 4, ct);
        if (head.Length == 4)
        {
            var tagBytes = (head[0] & 0x1F) == 0x1F ? 2 : 1;
            var lengthByte = head[tagBytes];
            var headerBytes = tagBytes + 1 + (lengthByte > 0x80 ? lengthByte - 0x80 : 0);
            if (headerBytes > 4 && headerBytes <= 6)
            {
                head = await ReadBinaryAsync(0, headerBytes, ct);
            }
        }
        int total;
        try
        {
            var (_, length, headerLength) = BerTlv.ReadHeader(head);
            total = headerLength + length;
        }
        catch (FormatException ex)
        {
            throw new ChipCommunicationException($"File {fileId:X4} does not start with a TLV header", ex);
        }

        var content = new byte[total];
        var have = Math.Min(head.Length, total);
        head.AsSpan(0, have).CopyTo(content);
        while (have < total)
        {
            var chunk = await ReadBinaryAsync(have, Math.Min(maxChunk, total - have), ct);
            if (chunk.Length == 0)
            {
                throw new ChipCommunicationException($"READ BINARY of {fileId:X4} returned no data at offset {have}");
            }

            var take = Math.Min(chunk.Length, total - have);
            chunk.AsSpan(0, take).CopyTo(content.AsSpan(have));
            have += take;
        }

        return content;
    }

    private async Task<byte[]> ReadBinaryAsync(int offset, int length, CancellationToken ct)
    {
        if (offset <= 0x7FFF)
        {
            var response = await channel.SendAsync(new CommandApdu(0x00, 0xB0, (byte)(offset >> 8), (byte)offset, ReadOnlyMemory<byte>.Empty, length), ct);
            return CheckRead(response, offset).ToArray();
        }

        byte[] offsetObject = [0x54, 0x03, (byte)(offset >> 16), (byte)(offset >> 8), (byte)offset];
        var odd = await channel.SendAsync(new CommandApdu(0x00, 0xB1, 0x00, 0x00, offsetObject, length + 4), ct);
        var data = CheckRead(odd, offset);
        try
        {
            var tlv = BerTlv.Read(data);
            return tlv.Tag == 0x53 ? tlv.Value.ToArray() : throw new FormatException("Odd READ BINARY must answer DO'53'.");
        }
        catch (FormatException ex)
        {
            throw new ChipCommunicationException("READ BINARY (B1) answered a malformed DO'53'", ex);
        }
    }

    private static ReadOnlyMemory<byte> CheckRead(ResponseApdu response, int offset)
    {
        // 6282: end of file reached before Ne bytes (ISO/IEC 7816-4 table 5); the data returned are still valid.
        if (!response.IsSuccess && response.StatusWord != 0x6282)
        {
            throw new ChipCommunicationException($"READ BINARY at offset {offset} failed", response.StatusWord);
        }

        return response.Data;
    }
}
