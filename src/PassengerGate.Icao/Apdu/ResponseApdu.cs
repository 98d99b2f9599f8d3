namespace PassengerGate.Icao.Apdu;

/// <summary>A response APDU: data followed by the status word SW1 SW2.</summary>
public sealed record ResponseApdu(ReadOnlyMemory<byte> Data, ushort StatusWord)
{
    public const ushort Success = 0x9000;

    public bool IsSuccess => StatusWord == Success;

    public static ResponseApdu Parse(ReadOnlySpan<byte> response)
    {
        if (response.Length < 2)
        {
            throw new ChipCommunicationException("The chip answered fewer than two bytes.", 0);
        }

        return new ResponseApdu(response[..^2].ToArray(), (ushort)((response[^2] << 8) | response[^1]));
    }

    public static byte[] Encode(ReadOnlySpan<byte> data, ushort statusWord)
    {
        var output = new byte[data.Length + 2];
        data.CopyTo(output);
        output[^2] = (byte)(statusWord >> 8);
        output[^1] = (byte)statusWord;
        return output;
    }

    public byte[] Encode() => Encode(Data.Span, StatusWord);
}
