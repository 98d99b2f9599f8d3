using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using PassengerGate.Icao.Lds;

namespace PassengerGate.Icao.PassiveAuthentication;

/// <summary>
/// EF.SOD: [APPLICATION 23] (tag 77) around a CMS SignedData whose content is the LDS security object
/// (Doc 9303-10 §4.6.2). Some issuers label the content id-data instead of 2.23.136.1.1.1 (pymrtd sod.py), so both are accepted.
/// </summary>
public sealed class DocumentSecurityObject
{
    private const string IdData = "1.2.840.113549.1.7.1";

    private DocumentSecurityObject(SignedCms cms, LdsSecurityObject securityObject)
    {
        Cms = cms;
        SecurityObject = securityObject;
    }

    public SignedCms Cms { get; }

    public LdsSecurityObject SecurityObject { get; }

    public static DocumentSecurityObject Parse(ReadOnlyMemory<byte> efSod)
    {
        try
        {
            var outer = BerTlv.Read(efSod);
            if (outer.Tag != LdsFiles.SodTag)
            {
                throw new FormatException("EF.SOD must start with tag 77.");
            }

            var cms = new SignedCms();
            cms.Decode(outer.Value.Span);
            var type = cms.ContentInfo.ContentType.Value;
            if (type is not (LdsSecurityObject.ContentType or IdData))
            {
                throw new FormatException($"EF.SOD content type {type} is not an LDS security object.");
            }

            if (cms.SignerInfos.Count != 1)
            {
                throw new FormatException("EF.SOD must have exactly one signer.");
            }

            return new DocumentSecurityObject(cms, LdsSecurityObject.Parse(cms.ContentInfo.Content));
        }
        catch (CryptographicException ex)
        {
            throw new FormatException("EF.SOD is not a CMS SignedData.", ex);
        }
    }

    public static byte[] Wrap(ReadOnlySpan<byte> cms) => BerTlv.Encode(LdsFiles.SodTag, cms);
}
