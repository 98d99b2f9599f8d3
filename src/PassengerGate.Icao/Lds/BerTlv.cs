namespace PassengerGate.Icao.Lds;

/// <summary>One BER-TLV object (ISO/IEC 7816-4 §5.2) as the LDS and secure messaging use it.</summary>
public readonly record struct BerTlv(int Tag, ReadOnlyMemory<byte> Value, int EncodedLength)
{
    /// <summary>Reads the TLV at the start of <paramref name="data"/>.</summary>
    public static BerTlv Read(ReadOnlyMemory<byte> data)
    {
        var (tag, length, headerLength) = ReadHeader(data.Span);
        if (headerLength + length > data.Length)
        {
            throw new FormatException("A TLV value runs past the end of the data.");
        }

        return new BerTlv(tag, data.Slice(headerLength, length), headerLength + length);
    }

    /// <summary>Reads all TLVs that follow each other in <paramref name="data"/>.</summary>
    public static List<BerTlv> ReadAll(ReadOnlyMemory<byte> data)
    {
        var output = new List<BerTlv>();
        while (data.Length > 0)
        {
            var tlv = Read(data);
            output.Add(tlv);
            data = data[tlv.EncodedLength..];
        }

        return output;
    }

    /// <summary>Finds the first TLV with <paramref name="tag"/> among the children of <paramref name="data"/>, or null.</summary>
    public static BerTlv? Find(ReadOnlyMemory<byte> data, int tag)
    {
        foreach (var tlv in ReadAll(data))
        {
            if (tlv.Tag == tag)
            {
                return tlv;
            }
        }

        return null;
    }

    /// <summary>Tag, length and header size; throws <see cref="FormatException"/> when the header is cut short.</summary>
    public static (int Tag, int Length, int HeaderLength) ReadHeader(ReadOnlySpan<byte> data)
    {
        if (data.Length < 2)
        {
            throw new FormatException("A TLV needs at least two bytes.");
        }

        var i = 0;
        int tag = data[i++];
        if ((tag & 0x1F) == 0x1F)
        {
            do
            {
                if (i >= data.Length)
                {
                    throw new FormatException("The TLV tag is cut short.");
                }

                tag = (tag << 8) | data[i];
            }
            while ((data[i++] & 0x80) != 0);
        }

        if (i >= data.Length)
        {
            throw new FormatException("The TLV length is missing.");
        }

        int length = data[i++];
        if (length > 0x80)
        {
            var count = length & 0x7F;
            if (count > 3 || i + count > data.Length)
            {
                throw new FormatException("The TLV length is cut short or too large.");
            }

            length = 0;
            for (var k = 0; k < count; k++)
            {
                length = (length << 8) | data[i++];
            }
        }
        else if (length == 0x80)
        {
            throw new FormatException("Indefinite TLV lengths are not used in the LDS.");
        }

        return (tag, length, i);
    }

    public static byte[] Encode(int tag, ReadOnlySpan<byte> value)
    {
        var output = new List<byte>(value.Length + 6);
        if (tag > 0xFFFF)
        {
            output.Add((byte)(tag >> 16));
        }

        if (tag > 0xFF)
        {
            output.Add((byte)(tag >> 8));
        }

        output.Add((byte)tag);
        output.AddRange(EncodeLength(value.Length));
        output.AddRange(value);
        return [.. output];
    }

    public static byte[] EncodeLength(int length) => length switch
    {
        < 0x80 => [(byte)length],
        <= 0xFF => [0x81, (byte)length],
        <= 0xFFFF => [0x82, (byte)(length >> 8), (byte)length],
        _ => [0x83, (byte)(length >> 16), (byte)(length >> 8), (byte)length],
    };
}
