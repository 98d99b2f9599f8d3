using System.Formats.Asn1;
using System.Security.Cryptography;
using PassengerGate.Icao.Apdu;
using PassengerGate.Icao.Crypto;
using PassengerGate.Icao.Lds;
using PassengerGate.Icao.Reading;
using PassengerGate.Icao.SecureMessaging;

namespace PassengerGate.Icao.Pace;

/// <summary>
/// PACE terminal side (Doc 9303-11 §9.7.3, §4.4): MSE:Set AT, then four chained GENERAL AUTHENTICATE steps
/// (encrypted nonce, mapping, key agreement, mutual authentication tokens), giving AES secure messaging with SSC = 0.
/// </summary>
public sealed class PaceAuthenticator(IRandomSource random)
{
    public async Task<SecureMessagingSession> AuthenticateAsync(ChipChannel channel, PaceInfo info, ChipAccessKey key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(key);
        var algorithm = info.Algorithm;
        var curve = PaceCurves.Get(info.ParameterId);

        var oidWriter = new AsnWriter(AsnEncodingRules.DER);
        oidWriter.WriteObjectIdentifier(info.Protocol);
        var oid = oidWriter.Encode();
        // 83: password reference, 01 = MRZ, 02 = CAN (Doc 9303-11 §4.4.4.1.1).
        byte passwordReference = key.MrzInformation is not null ? (byte)0x01 : (byte)0x02;
        byte[] mse = [.. BerTlv.Encode(0x80, oid.AsSpan(2)), .. BerTlv.Encode(0x83, [passwordReference]), .. BerTlv.Encode(0x84, [(byte)info.ParameterId])];
        await channel.SendExpectingSuccessAsync(new CommandApdu(0x00, 0x22, 0xC1, 0xA4, mse, 0), "MSE:Set AT", ct);

        var step1 = await GeneralAuthenticateAsync(channel, [], 0x80, last: false, ct);
        var passwordKey = PaceCrypto.PasswordKey(key.MrzInformation, key.Can, algorithm);
        var nonce = PaceCrypto.DecryptNonce(passwordKey, step1);

        var mappingKey = PaceCrypto.NewPrivateKey(curve, random);
        var mappingPublic = curve.G.Multiply(mappingKey).Normalize().GetEncoded(false);
        var chipMapping = PaceCrypto.DecodePoint(curve, await GeneralAuthenticateAsync(channel, BerTlv.Encode(0x81, mappingPublic), 0x82, last: false, ct));
        var generator = PaceCrypto.MapGenerator(curve, nonce, chipMapping, mappingKey);

        var ephemeralKey = PaceCrypto.NewPrivateKey(curve, random);
        var ephemeralPublic = generator.Multiply(ephemeralKey).Normalize().GetEncoded(false);
        var chipEphemeralBytes = await GeneralAuthenticateAsync(channel, BerTlv.Encode(0x83, ephemeralPublic), 0x84, last: false, ct);
        var chipEphemeral = PaceCrypto.DecodePoint(curve, chipEphemeralBytes);
        if (chipEphemeralBytes.AsSpan().SequenceEqual(ephemeralPublic))
        {
            throw new ChipCommunicationException("PACE: the chip echoed the terminal's ephemeral key.");
        }

        var shared = PaceCrypto.SharedSecret(chipEphemeral, ephemeralKey);
        var kEnc = KeyDerivation.Derive(shared, KeyDerivation.EncryptionCounter, algorithm);
        var kMac = KeyDerivation.Derive(shared, KeyDerivation.MacCounter, algorithm);

        var token = PaceCrypto.AuthenticationToken(kMac, info.Protocol, chipEphemeralBytes);
        var chipToken = await GeneralAuthenticateAsync(channel, BerTlv.Encode(0x85, token), 0x86, last: true, ct);
        if (!CryptographicOperations.FixedTimeEquals(chipToken, PaceCrypto.AuthenticationToken(kMac, info.Protocol, ephemeralPublic)))
        {
            throw new ChipCommunicationException("PACE: the chip's authentication token does not verify.");
        }

        var cipher = new SecureMessagingCipher(algorithm, kEnc, kMac);
        return new SecureMessagingSession(cipher, new byte[cipher.SscLength]);
    }

    /// <summary>One step: dynamic authentication data 7C in both directions; command chaining (CLA 10) on all but the last step.</summary>
    private static async Task<byte[]> GeneralAuthenticateAsync(ChipChannel channel, byte[] data, int expectedTag, bool last, CancellationToken ct)
    {
        var command = new CommandApdu(last ? (byte)0x00 : (byte)0x10, 0x86, 0x00, 0x00, BerTlv.Encode(0x7C, data), 256);
        var response = await channel.SendExpectingSuccessAsync(command, "PACE GENERAL AUTHENTICATE", ct);
        try
        {
            var template = BerTlv.Read(response.Data);
            var item = template.Tag == 0x7C ? BerTlv.Find(template.Value, expectedTag) : null;
            return item?.Value.ToArray() ?? throw new FormatException($"missing tag {expectedTag:X2}");
        }
        catch (FormatException ex)
        {
            throw new ChipCommunicationException("PACE: malformed dynamic authentication data", ex);
        }
    }
}
