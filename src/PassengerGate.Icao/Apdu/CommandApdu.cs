namespace PassengerGate.Icao.Apdu;

/// <summary>
/// An ISO/IEC 7816-4 command APDU. <see cref="Ne"/> is the expected response length
/// (0 = no Le field, 256 = short Le 00, 65536 = extended Le 0000).
/// </summary>
public sealed record CommandApdu(byte Cla, byte Ins, byte P1, byte P2, ReadOnlyMemory<byte> Data, int Ne)
{
    public CommandApdu(byte cla, byte ins, byte p1, byte p2)
        : this(cla, ins, p1, p2, ReadOnlyMemory<byte>.Empty, 0)
    {
    }

    /// <summary>Forces extended length fields even when the values would fit short ones.</summary>
    public bool Extended { get; init; }

    public bool IsExtended => Extended || Data.Length > 255 || Ne > 256;

    public byte[] Encode()
    {
        var output = new List<byte>(Data.Length + 9) { Cla, Ins, P1, P2 };
        var extended = IsExtended;
        if (Data.Length > 0)
        {
            if (extended)
            {
                output.Add(0);
                output.Add((byte)(Data.Length >> 8));
                output.Add((byte)Data.Length);
            }
            else
            {
                output.Add((byte)Data.Length);
            }

            output.AddRange(Data.Span);
        }

        if (Ne > 0)
        {
            if (extended)
            {
                if (Data.Length == 0)
                {
                    output.Add(0);
                }

                output.Add((byte)((Ne >= 65536 ? 0 : Ne) >> 8));
                output.Add((byte)(Ne >= 65536 ? 0 : Ne));
            }
            else
            {
                output.Add((byte)(Ne >= 256 ? 0 : Ne));
            }
        }

        return [.. output];
    }

    /// <summary>Parses the four ISO/IEC 7816-3 cases, short and extended.</summary>
    public static CommandApdu Parse(ReadOnlySpan<byte> apdu)
    {
        if (apdu.Length < 4)
        {
            throw new FormatException("A command APDU has at least four header bytes.");
        }

        byte cla = apdu[0], ins = apdu[1], p1 = apdu[2], p2 = apdu[3];
        var body = apdu[4..];
        if (body.Length == 0)
        {
            return new CommandApdu(cla, ins, p1, p2);
        }

        if (body.Length == 1)
        {
            return new CommandApdu(cla, ins, p1, p2, ReadOnlyMemory<byte>.Empty, body[0] == 0 ? 256 : body[0]);
        }

        if (body[0] != 0)
        {
            var lc = body[0];
            if (body.Length == 1 + lc)
            {
                return new CommandApdu(cla, ins, p1, p2, body.Slice(1, lc).ToArray(), 0);
            }

            if (body.Length == 2 + lc)
            {
                var le = body[1 + lc];
                return new CommandApdu(cla, ins, p1, p2, body.Slice(1, lc).ToArray(), le == 0 ? 256 : le);
            }

            throw new FormatException("The short Lc does not match the APDU length.");
        }

        if (body.Length == 3)
        {
            var le = (body[1] << 8) | body[2];
            return new CommandApdu(cla, ins, p1, p2, ReadOnlyMemory<byte>.Empty, le == 0 ? 65536 : le) { Extended = true };
        }

        var elc = (body[1] << 8) | body[2];
        if (body.Length == 3 + elc)
        {
            return new CommandApdu(cla, ins, p1, p2, body.Slice(3, elc).ToArray(), 0) { Extended = true };
        }

        if (body.Length == 5 + elc)
        {
            var le = (body[3 + elc] << 8) | body[4 + elc];
            return new CommandApdu(cla, ins, p1, p2, body.Slice(3, elc).ToArray(), le == 0 ? 65536 : le) { Extended = true };
        }

        throw new FormatException("The extended Lc does not match the APDU length.");
    }
}
