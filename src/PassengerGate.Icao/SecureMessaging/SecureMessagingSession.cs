using System.Security.Cryptography;
using PassengerGate.Icao.Apdu;
using PassengerGate.Icao.Crypto;
using PassengerGate.Icao.Lds;

namespace PassengerGate.Icao.SecureMessaging;

/// <summary>
/// One secure-messaging channel (Doc 9303-11 §9.8): session keys plus the send sequence counter,
/// which is incremented before every command and every response. Both ends are here so the
/// simulated chip speaks exactly the protocol the reader was tested against (App. D.4).
/// Command data travel in DO'87' (DO'85' for odd INS), Le in DO'97', the status in DO'99', the MAC in DO'8E'.
/// </summary>
public sealed class SecureMessagingSession
{
    private readonly byte[] _ssc;

    public SecureMessagingSession(SecureMessagingCipher cipher, ReadOnlySpan<byte> initialSsc)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        if (initialSsc.Length != cipher.SscLength)
        {
            throw new ArgumentException("The SSC must be one cipher block long.", nameof(initialSsc));
        }

        Cipher = cipher;
        _ssc = initialSsc.ToArray();
    }

    public SecureMessagingCipher Cipher { get; }

    public ReadOnlySpan<byte> SendSequenceCounter => _ssc;

    /// <summary>Reader side: protects a plain command.</summary>
    public CommandApdu WrapCommand(CommandApdu plain)
    {
        ArgumentNullException.ThrowIfNull(plain);
        IncrementSsc();
        byte[] header = [(byte)(plain.Cla | 0x0C), plain.Ins, plain.P1, plain.P2];
        var do87 = plain.Data.Length > 0 ? EncryptedDataObject(plain.Data.Span, (plain.Ins & 1) == 1) : [];
        byte[] do97 = plain.Ne switch
        {
            0 => [],
            <= 256 => [0x97, 0x01, (byte)(plain.Ne == 256 ? 0 : plain.Ne)],
            _ => [0x97, 0x02, (byte)((plain.Ne >= 65536 ? 0 : plain.Ne) >> 8), (byte)(plain.Ne >= 65536 ? 0 : plain.Ne)],
        };
        var mac = Cipher.Mac(IsoPadding.Pad([.. _ssc, .. IsoPadding.Pad(header, Cipher.BlockSize), .. do87, .. do97], Cipher.BlockSize));
        byte[] body = [.. do87, .. do97, 0x8E, 0x08, .. mac];
        var extended = plain.IsExtended || body.Length > 255;
        return new CommandApdu(header[0], header[1], header[2], header[3], body, extended ? 65536 : 256) { Extended = extended };
    }

    /// <summary>Reader side: verifies and decrypts a protected response. A bad MAC throws <see cref="SecureMessagingException"/>.</summary>
    public ResponseApdu UnwrapResponse(ResponseApdu protectedResponse)
    {
        ArgumentNullException.ThrowIfNull(protectedResponse);
        IncrementSsc();
        if (protectedResponse.Data.Length == 0)
        {
            if (protectedResponse.IsSuccess)
            {
                throw new SecureMessagingException("The chip answered 9000 without secure-messaging objects.");
            }

            // Doc 9303-11 §9.8.7: a chip reports an SM error in plain and closes the session.
            return protectedResponse;
        }

        var objects = ParseObjects(protectedResponse.Data, out var macInput, out var mac);
        if (mac is null)
        {
            throw new SecureMessagingException("The response carries no DO'8E' MAC.");
        }

        var expected = Cipher.Mac(IsoPadding.Pad([.. _ssc, .. macInput], Cipher.BlockSize));
        if (!CryptographicOperations.FixedTimeEquals(expected, mac.Value.Span))
        {
            throw new SecureMessagingException("The response MAC does not verify.");
        }

        var status = objects.TryGetValue(0x99, out var do99) && do99.Length == 2
            ? (ushort)((do99.Span[0] << 8) | do99.Span[1])
            : protectedResponse.StatusWord;
        return new ResponseApdu(DecryptDataObject(objects), status);
    }

    /// <summary>Card side: verifies and decrypts a protected command. A bad MAC throws <see cref="SecureMessagingException"/>.</summary>
    public CommandApdu UnwrapCommand(CommandApdu protectedCommand)
    {
        ArgumentNullException.ThrowIfNull(protectedCommand);
        IncrementSsc();
        byte[] header = [protectedCommand.Cla, protectedCommand.Ins, protectedCommand.P1, protectedCommand.P2];
        var objects = ParseObjects(protectedCommand.Data, out var macInput, out var mac);
        if (mac is null)
        {
            throw new SecureMessagingException("The command carries no DO'8E' MAC.");
        }

        var expected = Cipher.Mac(IsoPadding.Pad([.. _ssc, .. IsoPadding.Pad(header, Cipher.BlockSize), .. macInput], Cipher.BlockSize));
        if (!CryptographicOperations.FixedTimeEquals(expected, mac.Value.Span))
        {
            throw new SecureMessagingException("The command MAC does not verify.");
        }

        var ne = 0;
        if (objects.TryGetValue(0x97, out var do97))
        {
            var le = 0;
            foreach (var b in do97.Span)
            {
                le = (le << 8) | b;
            }

            ne = do97.Length switch
            {
                0 => 0,
                1 => le == 0 ? 256 : le,
                _ => le == 0 ? 65536 : le,
            };
        }

        return new CommandApdu((byte)(protectedCommand.Cla & ~0x0C), protectedCommand.Ins, protectedCommand.P1, protectedCommand.P2, DecryptDataObject(objects), ne)
        {
            Extended = protectedCommand.Extended,
        };
    }

    /// <summary>Card side: protects a plain response; odd INS responses carry their data in DO'85'.</summary>
    public ResponseApdu WrapResponse(ResponseApdu plain, bool oddInstruction)
    {
        ArgumentNullException.ThrowIfNull(plain);
        IncrementSsc();
        var do87 = plain.Data.Length > 0 ? EncryptedDataObject(plain.Data.Span, oddInstruction) : [];
        byte[] do99 = [0x99, 0x02, (byte)(plain.StatusWord >> 8), (byte)plain.StatusWord];
        var mac = Cipher.Mac(IsoPadding.Pad([.. _ssc, .. do87, .. do99], Cipher.BlockSize));
        return new ResponseApdu((byte[])[.. do87, .. do99, 0x8E, 0x08, .. mac], plain.StatusWord);
    }

    /// <summary>
    /// Advances the SSC as an exchange would without one: for a party that protects a series of commands ahead of time
    /// and must leave room for the response each one gets (Chip Authentication's verifier, decision 0014).
    /// </summary>
    public void SkipResponse() => IncrementSsc();

    private byte[] EncryptedDataObject(ReadOnlySpan<byte> data, bool oddInstruction)
    {
        var encrypted = Cipher.Encrypt(_ssc, IsoPadding.Pad(data, Cipher.BlockSize));
        return oddInstruction ? BerTlv.Encode(0x85, encrypted) : BerTlv.Encode(0x87, [0x01, .. encrypted]);
    }

    private byte[] DecryptDataObject(Dictionary<int, ReadOnlyMemory<byte>> objects)
    {
        ReadOnlyMemory<byte> cipherText;
        if (objects.TryGetValue(0x87, out var do87))
        {
            if (do87.Length < 1 || do87.Span[0] != 0x01)
            {
                throw new SecureMessagingException("DO'87' does not start with the padding indicator 01.");
            }

            cipherText = do87[1..];
        }
        else if (objects.TryGetValue(0x85, out var do85))
        {
            cipherText = do85;
        }
        else
        {
            return [];
        }

        if (cipherText.Length == 0 || cipherText.Length % Cipher.BlockSize != 0)
        {
            throw new SecureMessagingException("The encrypted data object is not a whole number of blocks.");
        }

        try
        {
            return IsoPadding.Unpad(Cipher.Decrypt(_ssc, cipherText.Span));
        }
        catch (FormatException ex)
        {
            throw new SecureMessagingException("The decrypted data object is badly padded.", ex);
        }
    }

    private static Dictionary<int, ReadOnlyMemory<byte>> ParseObjects(ReadOnlyMemory<byte> data, out byte[] macInput, out ReadOnlyMemory<byte>? mac)
    {
        var objects = new Dictionary<int, ReadOnlyMemory<byte>>();
        var covered = new List<byte>();
        mac = null;
        try
        {
            var rest = data;
            while (rest.Length > 0)
            {
                var tlv = BerTlv.Read(rest);
                if (tlv.Tag == 0x8E)
                {
                    mac = tlv.Value;
                }
                else
                {
                    objects[tlv.Tag] = tlv.Value;
                    covered.AddRange(rest.Span[..tlv.EncodedLength]);
                }

                rest = rest[tlv.EncodedLength..];
            }
        }
        catch (FormatException ex)
        {
            throw new SecureMessagingException("The secure-messaging data objects are malformed.", ex);
        }

        macInput = [.. covered];
        return objects;
    }

    private void IncrementSsc()
    {
        for (var i = _ssc.Length - 1; i >= 0; i--)
        {
            if (++_ssc[i] != 0)
            {
                break;
            }
        }
    }
}
