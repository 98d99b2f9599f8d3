using System.Security.Cryptography;
using PassengerGate.Icao.ActiveAuthentication;
using PassengerGate.Icao.Apdu;
using PassengerGate.Icao.Bac;
using PassengerGate.Icao.ChipAuthentication;
using PassengerGate.Icao.Crypto;
using PassengerGate.Icao.Lds;
using PassengerGate.Icao.Pace;
using PassengerGate.Icao.SecureMessaging;
using BcPoint = Org.BouncyCastle.Math.EC.ECPoint;

namespace PassengerGate.Hardware.Simulators.Chip;

/// <summary>
/// The card side of an eMRTD chip (Doc 9303-11): SELECT, BAC (GET CHALLENGE / EXTERNAL AUTHENTICATE), PACE generic
/// mapping (MSE:Set AT + GENERAL AUTHENTICATE), secure messaging, READ BINARY (B0 and odd B1 for offsets above 7FFF),
/// INTERNAL AUTHENTICATE, Chip Authentication (MSE:Set KAT for 3DES, MSE:Set AT + GENERAL AUTHENTICATE for AES, Doc 9303-11
/// §6.2.4; the new session keys take over after the answer). Files of the application are readable only under secure messaging, as on a real BAC chip.
/// </summary>
public sealed class SimulatedPassportChip(SimulatedChipProfile profile)
{
    private const ushort Ok = 0x9000;
    private readonly Lock _gate = new();
    private bool _applicationSelected;
    private byte[]? _selectedFile;
    private bool _selectedFileIsProtected;
    private byte[]? _rndIc;
    private SecureMessagingSession? _session;
    private PaceState? _pace;
    private bool _chipAuthenticationPending;
    private int _reads;

    public SimulatedChipProfile Profile => profile;

    /// <summary>
    /// 3B 85 80 01 | 80 73 00 00 xx | TCK: T=1, historical bytes with card capabilities; b7 of the third byte
    /// announces extended Lc/Le (ISO/IEC 7816-4 §8.1.1.2.7).
    /// </summary>
    public ReadOnlyMemory<byte> Atr
    {
        get
        {
            byte[] atr = [0x3B, 0x85, 0x80, 0x01, 0x80, 0x73, 0x00, 0x00, profile.AnnouncesExtendedLength ? (byte)0x40 : (byte)0x00, 0x00];
            byte tck = 0;
            for (var i = 1; i < atr.Length - 1; i++)
            {
                tck ^= atr[i];
            }

            atr[^1] = tck;
            return atr;
        }
    }

    public int ReadBinaryCount
    {
        get
        {
            lock (_gate)
            {
                return _reads;
            }
        }
    }

    /// <summary>Power cycle: back to the master file with no session (the read counter keeps counting).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _applicationSelected = false;
            _selectedFile = null;
            _rndIc = null;
            _session = null;
            _pace = null;
            _chipAuthenticationPending = false;
        }
    }

    public byte[] Process(byte[] commandApdu)
    {
        ArgumentNullException.ThrowIfNull(commandApdu);
        lock (_gate)
        {
            CommandApdu command;
            try
            {
                command = CommandApdu.Parse(commandApdu);
            }
            catch (FormatException)
            {
                return Status(0x6700);
            }

            if (command.Ins is 0xB0 or 0xB1 && profile.FailAfterReads is { } limit && _reads >= limit)
            {
                _session = null;
                return Status(0x6F00);
            }

            if ((command.Cla & 0x0C) == 0x0C)
            {
                if (_session is null)
                {
                    return Status(0x6987);
                }

                CommandApdu plain;
                try
                {
                    plain = _session.UnwrapCommand(command);
                }
                catch (SecureMessagingException)
                {
                    // Doc 9303-11 §9.8.7: on an SM error the chip answers in plain and aborts the session.
                    _session = null;
                    return Status(0x6988);
                }

                var session = _session;
                var response = Handle(plain, secured: true);
                return session.WrapResponse(response, (plain.Ins & 1) == 1).Encode();
            }

            // A plain command ends any secure-messaging session (Doc 9303-11 §9.8.7).
            _session = null;
            return Handle(command, secured: false).Encode();
        }
    }

    private ResponseApdu Handle(CommandApdu command, bool secured) => command.Ins switch
    {
        0xA4 => Select(command, secured),
        0x84 => GetChallenge(command),
        0x82 => ExternalAuthenticate(command),
        0x22 => ManageSecurityEnvironment(command),
        0x86 => GeneralAuthenticate(command),
        0xB0 => ReadBinary(command, secured),
        0xB1 => ReadBinaryOdd(command, secured),
        0x88 => InternalAuthenticate(command, secured),
        _ => new ResponseApdu(ReadOnlyMemory<byte>.Empty, 0x6D00),
    };

    private ResponseApdu Select(CommandApdu command, bool secured)
    {
        var data = command.Data.Span;
        if (command.P1 == 0x04)
        {
            if (!data.SequenceEqual(LdsFiles.ApplicationId))
            {
                return Sw(0x6A82);
            }

            _applicationSelected = true;
            _selectedFile = null;
            return Sw(Ok);
        }

        if (command.P1 is not (0x00 or 0x02) || data.Length != 2)
        {
            return Sw(0x6A86);
        }

        var fileId = (ushort)((data[0] << 8) | data[1]);
        if (command.P1 == 0x00 && fileId == 0x3F00)
        {
            _applicationSelected = false;
            _selectedFile = null;
            return Sw(Ok);
        }

        if (_applicationSelected && profile.ApplicationFiles.TryGetValue(fileId, out var file))
        {
            if (!secured)
            {
                return Sw(0x6982);
            }

            _selectedFile = file;
            _selectedFileIsProtected = true;
            return Sw(Ok);
        }

        if (!_applicationSelected && fileId == LdsFiles.CardAccess && profile.CardAccess is { } cardAccess)
        {
            _selectedFile = cardAccess;
            _selectedFileIsProtected = false;
            return Sw(Ok);
        }

        return Sw(0x6A82);
    }

    private ResponseApdu GetChallenge(CommandApdu command)
    {
        if (command.Ne != 8)
        {
            return Sw(0x6700);
        }

        _rndIc = profile.Random.NextBytes(8);
        return new ResponseApdu(_rndIc, Ok);
    }

    private ResponseApdu ExternalAuthenticate(CommandApdu command)
    {
        var rndIc = _rndIc;
        _rndIc = null;
        if (!_applicationSelected || rndIc is null)
        {
            return Sw(0x6985);
        }

        if (command.Data.Length != 40)
        {
            return Sw(0x6700);
        }

        var keys = BacKeys.Derive(profile.MrzInformation);
        var eIfd = command.Data.Span[..32];
        if (!CryptographicOperations.FixedTimeEquals(RetailMac.Compute(keys.Kmac, IsoPadding.Pad(eIfd, 8)), command.Data.Span[32..]))
        {
            return Sw(0x6300);
        }

        var s = TripleDesCipher.DecryptCbc(keys.Kenc, eIfd, new byte[8]);
        if (!s.AsSpan(8, 8).SequenceEqual(rndIc))
        {
            return Sw(0x6300);
        }

        var rndIfd = s[..8];
        var kIfd = s[16..];
        var kIc = profile.Random.NextBytes(16);
        var eIc = TripleDesCipher.EncryptCbc(keys.Kenc, [.. rndIc, .. rndIfd, .. kIc], new byte[8]);
        var mIc = RetailMac.Compute(keys.Kmac, IsoPadding.Pad(eIc, 8));
        var seed = new byte[16];
        for (var i = 0; i < 16; i++)
        {
            seed[i] = (byte)(kIfd[i] ^ kIc[i]);
        }

        _session = BacAuthenticator.CreateSession(seed, rndIc, rndIfd);
        return new ResponseApdu((byte[])[.. eIc, .. mIc], Ok);
    }

    private ResponseApdu ManageSecurityEnvironment(CommandApdu command)
    {
        if (command.P1 == 0x41 && command.P2 is 0xA6 or 0xA4)
        {
            return ChipAuthenticationSetup(command);
        }

        if (profile.Pace is not { } pace || command.P1 != 0xC1 || command.P2 != 0xA4)
        {
            return Sw(0x6A80);
        }

        try
        {
            var oid = BerTlv.Find(command.Data, 0x80)?.Value.ToArray();
            var reference = BerTlv.Find(command.Data, 0x83)?.Value.Span.ToArray();
            var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
            writer.WriteObjectIdentifier(pace.Protocol);
            if (oid is null || !writer.Encode().AsSpan(2).SequenceEqual(oid) || reference is not [1 or 2])
            {
                return Sw(0x6A80);
            }

            if (reference[0] == 2 && profile.Can is null)
            {
                return Sw(0x6A88);
            }

            _pace = new PaceState(pace, reference[0] == 1
                ? PaceCrypto.PasswordKey(profile.MrzInformation, null, pace.Algorithm)
                : PaceCrypto.PasswordKey(null, profile.Can, pace.Algorithm));
            return Sw(Ok);
        }
        catch (FormatException)
        {
            return Sw(0x6A80);
        }
    }

    /// <summary>MSE:Set KAT (3DES: agree at once) or MSE:Set AT (AES: agree on the GENERAL AUTHENTICATE that follows), under secure messaging only.</summary>
    private ResponseApdu ChipAuthenticationSetup(CommandApdu command)
    {
        _chipAuthenticationPending = false;
        if (_session is null || !_applicationSelected || profile.ChipAuthentication is not { } ca)
        {
            return Sw(profile.ChipAuthentication is null ? (ushort)0x6A80 : (ushort)0x6982);
        }

        try
        {
            var keyId = BerTlv.Find(command.Data, 0x84)?.Value.ToArray();
            if (ca.KeyId is { } id ? keyId is null || !keyId.AsSpan().SequenceEqual(ChipAuthenticationIssuer.KeyReference(id)) : keyId is not null)
            {
                return Sw(0x6A88);
            }

            var isKat = command.P2 == 0xA6;
            if (isKat != (ChipAuthenticationInfos.AlgorithmOf(ca.Protocol) == SecureMessagingAlgorithm.TripleDes))
            {
                return Sw(0x6A80);
            }

            if (isKat)
            {
                return AgreeChipAuthentication(ca, BerTlv.Find(command.Data, 0x91)?.Value.ToArray() ?? throw new FormatException("missing DO'91'"), Sw(Ok));
            }

            var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
            writer.WriteObjectIdentifier(ca.Protocol);
            if (BerTlv.Find(command.Data, 0x80)?.Value.ToArray() is not { } oid || !writer.Encode().AsSpan(2).SequenceEqual(oid))
            {
                return Sw(0x6A80);
            }

            _chipAuthenticationPending = true;
            return Sw(Ok);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return Sw(0x6A80);
        }
    }

    /// <summary>K = KA(SK_chip, PK_terminal); the answer still goes out under the old keys, then KS_enc/KS_mac with SSC 0 take over.</summary>
    private ResponseApdu AgreeChipAuthentication(SimulatedChipAuthentication ca, byte[] terminalPublicKey, ResponseApdu answer)
    {
        var shared = ca.Domain.SharedSecret(ca.PrivateKey, terminalPublicKey);
        var algorithm = ChipAuthenticationInfos.AlgorithmOf(ca.Protocol)!.Value;
        var keys = new ChipAuthenticationSessionKeys(
            algorithm,
            KeyDerivation.Derive(shared, KeyDerivation.EncryptionCounter, algorithm),
            KeyDerivation.Derive(shared, KeyDerivation.MacCounter, algorithm),
            []);
        _session = ChipAuthenticationIssuer.NewSession(keys);
        return answer;
    }

    private ResponseApdu GeneralAuthenticate(CommandApdu command)
    {
        if (_chipAuthenticationPending && profile.ChipAuthentication is { } ca)
        {
            _chipAuthenticationPending = false;
            try
            {
                var template = BerTlv.Read(command.Data);
                return template.Tag == 0x7C && _session is not null
                    ? AgreeChipAuthentication(ca, Item(template, 0x80), new ResponseApdu((byte[])[0x7C, 0x00], Ok))
                    : Sw(0x6A80);
            }
            catch (Exception ex) when (ex is FormatException or CryptographicException)
            {
                return Sw(0x6300);
            }
        }

        if (_pace is not { } pace)
        {
            return Sw(0x6985);
        }

        try
        {
            var template = BerTlv.Read(command.Data);
            if (template.Tag != 0x7C)
            {
                return Fail();
            }

            var curve = PaceCurves.Get(pace.Info.ParameterId);
            switch (pace.Step++)
            {
                case 0:
                    pace.Nonce = profile.Random.NextBytes(16);
                    return Dynamic(0x80, PaceCrypto.EncryptNonce(pace.PasswordKey, pace.Nonce));
                case 1:
                {
                    var terminalMapping = PaceCrypto.DecodePoint(curve, Item(template, 0x81));
                    var mappingKey = PaceCrypto.NewPrivateKey(curve, profile.Random);
                    pace.Generator = PaceCrypto.MapGenerator(curve, pace.Nonce!, terminalMapping, mappingKey);
                    return Dynamic(0x82, curve.G.Multiply(mappingKey).Normalize().GetEncoded(false));
                }

                case 2:
                {
                    pace.TerminalEphemeral = Item(template, 0x83);
                    var terminal = PaceCrypto.DecodePoint(curve, pace.TerminalEphemeral);
                    var key = PaceCrypto.NewPrivateKey(curve, profile.Random);
                    pace.ChipEphemeral = pace.Generator!.Multiply(key).Normalize().GetEncoded(false);
                    var shared = PaceCrypto.SharedSecret(terminal, key);
                    pace.EncryptionKey = KeyDerivation.Derive(shared, KeyDerivation.EncryptionCounter, pace.Info.Algorithm);
                    pace.MacKey = KeyDerivation.Derive(shared, KeyDerivation.MacCounter, pace.Info.Algorithm);
                    return Dynamic(0x84, pace.ChipEphemeral);
                }

                case 3:
                {
                    var expected = PaceCrypto.AuthenticationToken(pace.MacKey!, pace.Info.Protocol, pace.ChipEphemeral!);
                    if (!CryptographicOperations.FixedTimeEquals(expected, Item(template, 0x85)))
                    {
                        return Fail();
                    }

                    var token = PaceCrypto.AuthenticationToken(pace.MacKey!, pace.Info.Protocol, pace.TerminalEphemeral!);
                    var cipher = new SecureMessagingCipher(pace.Info.Algorithm, pace.EncryptionKey!, pace.MacKey!);
                    _pace = null;
                    _session = new SecureMessagingSession(cipher, new byte[cipher.SscLength]);
                    return Dynamic(0x86, token);
                }

                default:
                    return Fail();
            }
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return Fail();
        }

        ResponseApdu Fail()
        {
            _pace = null;
            return Sw(0x6300);
        }
    }

    private ResponseApdu ReadBinary(CommandApdu command, bool secured)
    {
        if ((command.P1 & 0x80) != 0)
        {
            return Sw(0x6A81);
        }

        return Read((command.P1 << 8) | command.P2, command.Ne == 0 ? 256 : command.Ne, secured, wrap: false);
    }

    private ResponseApdu ReadBinaryOdd(CommandApdu command, bool secured)
    {
        try
        {
            var offsetObject = BerTlv.Read(command.Data);
            if (offsetObject.Tag != 0x54 || offsetObject.Value.Length is 0 or > 3)
            {
                return Sw(0x6A80);
            }

            var offset = 0;
            foreach (var b in offsetObject.Value.Span)
            {
                offset = (offset << 8) | b;
            }

            // The answer is DO'53' around the data, so up to four bytes of Ne go to its header.
            return Read(offset, Math.Max(1, (command.Ne == 0 ? 256 : command.Ne) - 4), secured, wrap: true);
        }
        catch (FormatException)
        {
            return Sw(0x6A80);
        }
    }

    private ResponseApdu Read(int offset, int wanted, bool secured, bool wrap)
    {
        if (_selectedFile is not { } file)
        {
            return Sw(0x6986);
        }

        if (_selectedFileIsProtected && !secured)
        {
            return Sw(0x6982);
        }

        if (offset > file.Length)
        {
            return Sw(0x6B00);
        }

        _reads++;
        var take = Math.Min(wanted, file.Length - offset);
        var data = file.AsSpan(offset, take);
        var status = take < wanted ? (ushort)0x6282 : Ok;
        return new ResponseApdu(wrap ? BerTlv.Encode(0x53, data) : data.ToArray(), status);
    }

    private ResponseApdu InternalAuthenticate(CommandApdu command, bool secured)
    {
        if (!secured || !_applicationSelected)
        {
            return Sw(0x6982);
        }

        if (command.Data.Length != 8)
        {
            return Sw(0x6700);
        }

        switch (profile.ActiveAuthenticationKey)
        {
            case RSA rsa:
                var parameters = rsa.ExportParameters(true);
                var signature = Iso9796Part2.Sign(parameters, command.Data.Span, HashAlgorithmName.SHA1, profile.Random.NextBytes(parameters.Modulus!.Length));
                return new ResponseApdu(signature, Ok);
            case ECDsa ecdsa:
                return new ResponseApdu(ecdsa.SignData(command.Data.Span, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation), Ok);
            default:
                return Sw(0x6D00);
        }
    }

    private static byte[] Item(BerTlv template, int tag) =>
        BerTlv.Find(template.Value, tag)?.Value.ToArray() ?? throw new FormatException($"missing tag {tag:X2}");

    private static ResponseApdu Dynamic(int tag, byte[] value) => new(BerTlv.Encode(0x7C, BerTlv.Encode(tag, value)), Ok);

    private static ResponseApdu Sw(ushort statusWord) => new(ReadOnlyMemory<byte>.Empty, statusWord);

    private static byte[] Status(ushort statusWord) => ResponseApdu.Encode([], statusWord);

    private sealed class PaceState(PaceInfo info, byte[] passwordKey)
    {
        public PaceInfo Info { get; } = info;

        public byte[] PasswordKey { get; } = passwordKey;

        public int Step { get; set; }

        public byte[]? Nonce { get; set; }

        public BcPoint? Generator { get; set; }

        public byte[]? TerminalEphemeral { get; set; }

        public byte[]? ChipEphemeral { get; set; }

        public byte[]? EncryptionKey { get; set; }

        public byte[]? MacKey { get; set; }
    }
}
