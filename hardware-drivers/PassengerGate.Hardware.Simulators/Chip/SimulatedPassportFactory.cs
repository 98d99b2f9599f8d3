using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using PassengerGate.Icao.ActiveAuthentication;
using PassengerGate.Icao.ChipAuthentication;
using PassengerGate.Icao.Lds;
using PassengerGate.Icao.PassiveAuthentication;

namespace PassengerGate.Hardware.Simulators.Chip;

/// <summary>
/// Personalises a simulated passport as an issuer would (Doc 9303-10/-11/-12): DG1 from the MRZ, DG2 around the
/// portrait, DG15 with the AA public key, DG14 with PACE/AA/Chip Authentication infos and the CA public key, EF.COM, and EF.SOD signed by a fresh Document Signer
/// of the test CSCA; then applies the requested fault.
/// </summary>
public static class SimulatedPassportFactory
{
    private const string Sha256 = "2.16.840.1.101.3.4.2.1";

    public static SimulatedPassport Create(SimulatedPassportOptions? options = null)
    {
        options ??= new SimulatedPassportOptions();
        var issued = options.IssuedAt;
        var ownsPki = options.Pki is null;
        var pki = options.Pki ?? TestPki.Create("UT", issued.AddYears(-5), options.SignatureAlgorithm);
        try
        {
            return Build(options, pki, issued);
        }
        finally
        {
            if (ownsPki)
            {
                // The passport keeps public certificates only; the CSCA private key is not needed after signing.
                pki.Dispose();
            }
        }
    }

    private static SimulatedPassport Build(SimulatedPassportOptions options, TestPki pki, DateTimeOffset issued)
    {
        var fault = options.Fault;
        var chipMrz = fault == ChipFaultMode.Dg1MismatchesPrintedMrz ? AlterName(options.Mrz) : options.Mrz;

        var groups = new SortedDictionary<int, byte[]>
        {
            [1] = Dg1.Encode(chipMrz.Replace("\n", "", StringComparison.Ordinal)),
            [2] = Dg2.Encode(options.FaceImage ?? SyntheticJpeg(options.SyntheticFaceSize), FaceImageType.Jpeg, options.FaceWidth, options.FaceHeight),
        };

        AsymmetricAlgorithm? aaKey = options.ActiveAuthentication switch
        {
            AaKeyType.Rsa1024 => RSA.Create(1024),
            AaKeyType.EcdsaP256 => ECDsa.Create(ECCurve.NamedCurves.nistP256),
            _ => null,
        };
        if (aaKey is not null)
        {
            groups[15] = ActiveAuthenticator.Encode(aaKey switch
            {
                RSA rsa => rsa.ExportSubjectPublicKeyInfo(),
                ECDsa ecdsa => ecdsa.ExportSubjectPublicKeyInfo(),
                _ => throw new InvalidOperationException(),
            });
        }

        var dg14Infos = new List<byte[]>();
        if (options.Pace is { } paceInfo)
        {
            dg14Infos.Add(paceInfo.Encode());
        }

        if (aaKey is ECDsa)
        {
            dg14Infos.Add(ActiveAuthenticationInfo("1.2.840.10045.4.3.2"));
        }

        using var caKey = options.ChipAuthentication is null ? null : ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        SimulatedChipAuthentication? chipAuthentication = null;
        if (caKey is not null)
        {
            var spki = caKey.ExportSubjectPublicKeyInfo();
            var domain = ChipAuthenticationDomain.Parse(spki);
            chipAuthentication = new SimulatedChipAuthentication(options.ChipAuthentication!, options.ChipAuthenticationKeyId, domain, new Org.BouncyCastle.Math.BigInteger(1, caKey.ExportParameters(true).D));
            dg14Infos.Add(ChipAuthenticationInfos.EncodeInfo(new ChipAuthenticationInfo(options.ChipAuthentication!, 1, options.ChipAuthenticationKeyId)));
            dg14Infos.Add(ChipAuthenticationInfos.EncodePublicKey(new ChipAuthenticationPublicKeyInfo(ChipAuthenticationInfos.PkEcdh, spki, options.ChipAuthenticationKeyId)));
        }

        if (dg14Infos.Count > 0)
        {
            groups[14] = BerTlv.Encode(0x6E, SetOf(dg14Infos));
        }

        var com = new EfCom("0107", "040000", [.. groups.Keys]).Encode();

        using var rogue = fault == ChipFaultMode.UnknownCsca ? TestPki.Create(pki.Country, issued.AddYears(-5), pki.Algorithm) : null;
        var signerPki = rogue ?? pki;
        var (notBefore, notAfter) = fault == ChipFaultMode.ExpiredSigner
            ? (issued.AddYears(-3), issued.AddDays(-1))
            : (issued.AddDays(-30), issued.AddYears(10).AddMonths(3));
        var sharedSigner = fault is ChipFaultMode.ExpiredSigner or ChipFaultMode.UnknownCsca ? null : options.DocumentSigner;
        using var ownSigner = sharedSigner is null ? signerPki.IssueDocumentSigner(notBefore, notAfter) : null;
        var dsc = sharedSigner ?? ownSigner!;

        var hashes = groups.ToDictionary(g => g.Key, g => SHA256.HashData(g.Value));
        var sod = SignSod(new LdsSecurityObject(0, Sha256, hashes).Encode(), dsc, pki.Algorithm);
        if (fault == ChipFaultMode.WrongSignature)
        {
            // Without unsigned attributes the signature value is the last element of the CMS encoding.
            sod[^1] ^= 0x01;
        }

        if (fault == ChipFaultMode.TamperedDataGroup)
        {
            groups[2] = (byte[])groups[2].Clone();
            groups[2][^1] ^= 0x01;
        }

        var hidesAa = fault == ChipFaultMode.ClonedHidingActiveAuthentication && aaKey is not null;
        if (hidesAa)
        {
            com = new EfCom("0107", "040000", [.. groups.Keys.Where(dg => dg != 15)]).Encode();
        }

        var files = new Dictionary<ushort, byte[]>
        {
            [LdsFiles.Com] = com,
            [LdsFiles.Sod] = sod,
        };
        foreach (var (number, content) in groups)
        {
            if (!(hidesAa && number == 15))
            {
                files[LdsFiles.DataGroupFileId(number)] = content;
            }
        }

        var chipAaKey = fault switch
        {
            ChipFaultMode.ClonedChip when aaKey is not null => aaKey switch
            {
                RSA => RSA.Create(1024),
                _ => (AsymmetricAlgorithm)ECDsa.Create(ECCurve.NamedCurves.nistP256),
            },
            ChipFaultMode.ClonedWithoutActiveAuthentication or ChipFaultMode.ClonedHidingActiveAuthentication => null,
            _ => aaKey,
        };

        var chipCa = fault switch
        {
            // A cloner copies DG14 but cannot extract the chip's private key: its chip holds a key of its own.
            ChipFaultMode.ClonedWithoutChipAuthenticationKey when chipAuthentication is not null => chipAuthentication with
            {
                PrivateKey = chipAuthentication.Domain.NewKeyPair(PassengerGate.Icao.Crypto.SystemRandomSource.Instance).PrivateKey,
            },
            ChipFaultMode.ClonedRefusingChipAuthentication => null,
            _ => chipAuthentication,
        };

        var profile = new SimulatedChipProfile
        {
            MrzInformation = Td3Mrz.MrzInformationOf(options.Mrz),
            ApplicationFiles = files,
            CardAccess = options.Pace is { } pace ? SetOf([pace.Encode()]) : null,
            Pace = options.Pace,
            Can = options.Can,
            ActiveAuthenticationKey = chipAaKey,
            ChipAuthentication = chipCa,
            AnnouncesExtendedLength = options.AnnouncesExtendedLength,
            FailAfterReads = fault == ChipFaultMode.FailsMidRead ? options.FailAfterReads : null,
            Random = options.ChipRandom,
        };

        var documentSigner = X509CertificateLoader.LoadCertificate(dsc.Certificate.RawData);
        return new SimulatedPassport(options.Mrz, new SimulatedPassportChip(profile), X509CertificateLoader.LoadCertificate(pki.CscaCertificate.RawData), documentSigner, hidesAa ? groups.Where(g => g.Key != 15).ToDictionary() : groups, sod);
    }

    private static byte[] SignSod(byte[] securityObject, DocumentSignerCredential dsc, TestSignatureAlgorithm algorithm)
    {
        var cms = new SignedCms(new ContentInfo(new Oid(LdsSecurityObject.ContentType), securityObject), detached: false);
        var signer = dsc.PrivateKey is RSA rsa
            ? new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, dsc.Certificate, rsa, algorithm == TestSignatureAlgorithm.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1)
            : new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, dsc.Certificate, dsc.PrivateKey);
        signer.DigestAlgorithm = new Oid(Sha256);
        signer.IncludeOption = X509IncludeOption.EndCertOnly;
        cms.ComputeSignature(signer, silent: true);
        return DocumentSecurityObject.Wrap(cms.Encode());
    }

    /// <summary>ActiveAuthenticationInfo ::= SEQUENCE { id-AA 2.23.136.1.1.5, version 1, signatureAlgorithm OID } (Doc 9303-11 §9.2.9).</summary>
    private static byte[] ActiveAuthenticationInfo(string signatureAlgorithm)
    {
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(SecurityInfos.ActiveAuthenticationInfo);
            writer.WriteInteger(1);
            writer.WriteObjectIdentifier(signatureAlgorithm);
        }

        return writer.Encode();
    }

    private static byte[] SetOf(IEnumerable<byte[]> encodedElements)
    {
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (writer.PushSetOf())
        {
            foreach (var element in encodedElements)
            {
                writer.WriteEncodedValue(element);
            }
        }

        return writer.Encode();
    }

    /// <summary>A different holder name on the chip than on the page, with the same document number and dates (so BAC still opens it).</summary>
    private static string AlterName(string mrz)
    {
        var lines = mrz.Split('\n');
        var line1 = lines[0];
        var altered = line1[..5] + "X" + line1[6..];
        return $"{altered}\n{lines[1]}";
    }

    /// <summary>SOI, a COM segment of filler, EOI: framed like a JPEG so DG2 has a realistic size without a real photo.</summary>
    private static byte[] SyntheticJpeg(int size)
    {
        var image = new byte[Math.Max(size, 8)];
        image[0] = 0xFF;
        image[1] = 0xD8;
        image[2] = 0xFF;
        image[3] = 0xFE;
        for (var i = 4; i < image.Length - 2; i++)
        {
            image[i] = (byte)(i * 31);
        }

        image[^2] = 0xFF;
        image[^1] = 0xD9;
        return image;
    }
}
