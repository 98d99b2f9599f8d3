namespace PassengerGate.Icao.Crypto;

/// <summary>ISO/IEC 9797-1 padding method 2: append 0x80, then zeros to the block size (Doc 9303-11 §9.8.6.1).</summary>
public static class IsoPadding
{
    public static byte[] Pad(ReadOnlySpan<byte> data, int blockSize)
    {
        var length = (data.Length / blockSize + 1) * blockSize;
        var output = new byte[length];
        data.CopyTo(output);
        output[data.Length] = 0x80;
        return output;
    }

    public static byte[] Unpad(ReadOnlySpan<byte> data)
    {
        var i = data.Length - 1;
        while (i >= 0 && data[i] == 0)
        {
            i--;
        }

        if (i < 0 || data[i] != 0x80)
        {
            throw new FormatException("The decrypted data does not end with ISO/IEC 9797-1 method 2 padding.");
        }

        return data[..i].ToArray();
    }
}
