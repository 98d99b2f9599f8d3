using System.Formats.Asn1;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Agreement;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using PassengerGate.Icao.ChipAuthentication;
using PassengerGate.Icao.Crypto;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace PassengerGate.Icao.Tests.ChipAuthentication;

/// <summary>DG14's Chip Authentication entries and the key agreement on the chip's domain parameters.</summary>
public class ChipAuthenticationInfosTests
{
    /// <summary>
    /// Datagroup14.bin of the BSI TR-03105-5 ReferenceDataSet (as quoted in ZeroPass/pymrtd tests/ef/dg14_test.py):
    /// a ChipAuthenticationPublicKeyInfo (id-PK-ECDH, explicit brainpoolP224r1 parameters), a ChipAuthenticationInfo
    /// id-CA-ECDH-3DES-CBC-CBC version 1 without keyId, and a TerminalAuthenticationInfo.
    /// </summary>
    private static readonly byte[] BsiDg14 = Convert.FromHexString(
        "6E82014A3182014630820122060904007F000702020102308201133081D406072A8648CE3D02013081C8020101302806072A8648CE3D0101021D00D7C134AA264366862A18302575D1D787B09F075797DA89F57EC8C0FF303C041C68A5E62CA9CE6C1C299803A6C1530B514E182AD8B0042A59CAD29F43041C2580F63CCFE44138870713B1A92369E33E2135D266DBB372386C400B0439040D9029AD2C7E5CF4340823B2A87DC68C9E4CE3174C1E6EFDEE12C07D58AA56F772C0726F24C6B89E4ECDAC24354B9E99CAA3F6D3761402CD021D00D7C134AA264366862A18302575D0FB98D116BC4B6DDEBCA3A5A7939F020101033A0004A847F020F71DF33D386BE7C9223A354D6AC7727018B26E281C6FFB96A83B142AAF303C23F2BCF2CDE4706C14E45914A9BE42C15BCB67A01F300F060A04007F00070202030201020101300D060804007F0007020202020101");

    /// <summary>The subjectPublicKey of the same file: an uncompressed brainpoolP224r1 point.</summary>
    private static readonly byte[] BsiChipPublicKey = Convert.FromHexString(
        "04A847F020F71DF33D386BE7C9223A354D6AC7727018B26E281C6FFB96A83B142AAF303C23F2BCF2CDE4706C14E45914A9BE42C15BCB67A01F");

    [Fact]
    public void The_BSI_reference_DG14_offers_ECDH_chip_authentication_with_3DES_and_no_key_id()
    {
        var offer = ChipAuthenticationInfos.Choose(BsiDg14);

        Assert.NotNull(offer);
        Assert.Equal("0.4.0.127.0.7.2.2.3.2.1", offer.Protocol);
        Assert.Equal(SecureMessagingAlgorithm.TripleDes, offer.Algorithm);
        Assert.True(offer.UsesSetKat);
        Assert.Equal("0.4.0.127.0.7.2.2.1.2", offer.PublicKey.Protocol);
        Assert.Null(offer.PublicKey.KeyId);
        Assert.Equal(new ChipAuthenticationInfo("0.4.0.127.0.7.2.2.3.2.1", 1, null), Assert.Single(ChipAuthenticationInfos.Infos(BsiDg14)));
    }

    [Fact]
    public void The_BSI_reference_key_is_read_with_its_explicit_curve_and_agrees_keys_as_on_named_brainpoolP224r1()
    {
        var domain = ChipAuthenticationDomain.Parse(ChipAuthenticationInfos.Choose(BsiDg14)!.PublicKey.SubjectPublicKeyInfo);
        var (ephemeral, ephemeralPublic) = domain.NewKeyPair(SystemRandomSource.Instance);

        Assert.True(domain.IsEllipticCurve);
        Assert.Equal(BsiChipPublicKey, domain.ChipPublicKey);
        Assert.Equal(57, ephemeralPublic.Length);

        // Cross-check with BouncyCastle's own ECDH on the named curve (TR-03110-3 A.2.1.2 standardized parameters id 11).
        var named = ECNamedCurveTable.GetByName("brainpoolP224r1");
        var parameters = new ECDomainParameters(named);
        var agreement = new ECDHBasicAgreement();
        agreement.Init(new ECPrivateKeyParameters(ephemeral, parameters));
        var expected = agreement.CalculateAgreement(new ECPublicKeyParameters(named.Curve.DecodePoint(BsiChipPublicKey), parameters)).ToByteArrayUnsigned();
        Assert.Equal(Pad(expected, 28), domain.SharedSecret(ephemeral, BsiChipPublicKey));
    }

    [Fact]
    public void ECDH_on_P256_agrees_with_the_platform_implementation()
    {
        using var chip = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var domain = ChipAuthenticationDomain.Parse(chip.ExportSubjectPublicKeyInfo());
        var (ephemeral, ephemeralPublic) = domain.NewKeyPair(SystemRandomSource.Instance);

        using var terminal = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = ephemeralPublic[1..33], Y = ephemeralPublic[33..] },
        });
        // OpenSSL's raw ECDH (the chip's side) against ours (the terminal's side): K is the shared x-coordinate.
        Assert.Equal(chip.DeriveRawSecretAgreement(terminal.PublicKey), domain.SharedSecret(ephemeral, domain.ChipPublicKey));
    }

    [Fact]
    public void DH_with_X942_domain_parameters_agrees_with_BouncyCastle()
    {
        var generator = new DHParametersGenerator();
        generator.Init(512, 20, new SecureRandom());
        var dh = generator.GenerateParameters();
        var chipKeys = new DHKeyPairGenerator();
        chipKeys.Init(new DHKeyGenerationParameters(new SecureRandom(), dh));
        var chip = chipKeys.GenerateKeyPair();
        var chipPublic = ((DHPublicKeyParameters)chip.Public).Y;

        var domain = ChipAuthenticationDomain.Parse(DhSubjectPublicKeyInfo(dh.P, dh.G, dh.Q, chipPublic));
        var (ephemeral, ephemeralPublic) = domain.NewKeyPair(SystemRandomSource.Instance);

        var agreement = new DHBasicAgreement();
        agreement.Init(chip.Private);
        var expected = agreement.CalculateAgreement(new DHPublicKeyParameters(new BcBigInteger(1, ephemeralPublic), dh));
        Assert.False(domain.IsEllipticCurve);
        Assert.Equal(Pad(expected.ToByteArrayUnsigned(), 64), domain.SharedSecret(ephemeral, domain.ChipPublicKey));
    }

    [Fact]
    public void A_DG14_without_a_chip_authentication_key_offers_none()
    {
        // The BSI file without its first SecurityInfo (the key): only CA and TA infos remain.
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSetOf())
        {
            writer.WriteEncodedValue(Convert.FromHexString("300F060A04007F00070202030201020101"));
        }

        Assert.Null(ChipAuthenticationInfos.Choose(PassengerGate.Icao.Lds.BerTlv.Encode(0x6E, writer.Encode())));
    }

    [Fact]
    public void A_point_off_the_curve_is_refused()
    {
        var domain = ChipAuthenticationDomain.Parse(ChipAuthenticationInfos.Choose(BsiDg14)!.PublicKey.SubjectPublicKeyInfo);
        var bad = (byte[])BsiChipPublicKey.Clone();
        bad[^1] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => domain.SharedSecret(BcBigInteger.Two, bad));
    }

    private static byte[] DhSubjectPublicKeyInfo(BcBigInteger p, BcBigInteger g, BcBigInteger q, BcBigInteger y)
    {
        var key = new AsnWriter(AsnEncodingRules.DER);
        key.WriteIntegerUnsigned(y.ToByteArrayUnsigned());
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("1.2.840.10046.2.1");
                using (writer.PushSequence())
                {
                    writer.WriteIntegerUnsigned(p.ToByteArrayUnsigned());
                    writer.WriteIntegerUnsigned(g.ToByteArrayUnsigned());
                    writer.WriteIntegerUnsigned(q.ToByteArrayUnsigned());
                }
            }

            writer.WriteBitString(key.Encode());
        }

        return writer.Encode();
    }

    private static byte[] Pad(byte[] value, int length)
    {
        var output = new byte[length];
        value.CopyTo(output, length - value.Length);
        return output;
    }
}
