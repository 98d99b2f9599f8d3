namespace PassengerGate.Icao.Apdu;

/// <summary>Reads the historical bytes of an ATR (ISO/IEC 7816-3 §8.2, 7816-4 §8.1.1).</summary>
public static class AnswerToReset
{
    /// <summary>
    /// True when the card capabilities (compact-TLV tag 7, third software function table byte, bit b7)
    /// announce extended Lc and Le fields (ISO/IEC 7816-4 §8.1.1.2.7, table 88).
    /// </summary>
    public static bool SupportsExtendedLength(ReadOnlySpan<byte> atr)
    {
        var historical = HistoricalBytes(atr);
        if (historical.Length == 0 || historical[0] != 0x80)
        {
            return false;
        }

        var i = 1;
        while (i < historical.Length)
        {
            var tag = historical[i] >> 4;
            var length = historical[i] & 0x0F;
            if (i + 1 + length > historical.Length)
            {
                return false;
            }

            if (tag == 7 && length >= 3)
            {
                return (historical[i + 3] & 0x40) != 0;
            }

            i += 1 + length;
        }

        return false;
    }

    public static ReadOnlySpan<byte> HistoricalBytes(ReadOnlySpan<byte> atr)
    {
        if (atr.Length < 2)
        {
            return [];
        }

        var k = atr[1] & 0x0F;
        var y = atr[1] >> 4;
        var i = 2;
        while (true)
        {
            var td = -1;
            if ((y & 1) != 0)
            {
                i++;
            }

            if ((y & 2) != 0)
            {
                i++;
            }

            if ((y & 4) != 0)
            {
                i++;
            }

            if ((y & 8) != 0)
            {
                if (i >= atr.Length)
                {
                    return [];
                }

                td = atr[i];
                i++;
            }

            if (td < 0)
            {
                break;
            }

            y = td >> 4;
        }

        return i + k <= atr.Length ? atr.Slice(i, k) : [];
    }
}
