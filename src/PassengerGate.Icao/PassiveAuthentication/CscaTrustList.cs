using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace PassengerGate.Icao.PassiveAuthentication;

/// <summary>
/// Trusted Country Signing CA certificates and the CRLs issued by them. Loaded from a folder of .cer/.der/.crt/.pem
/// certificates, .crl files and ICAO master lists (.ml: CMS SignedData, content type 2.23.136.1.1.2 holding
/// CscaMasterList ::= SEQUENCE { version, certList SET OF Certificate }, Doc 9303-12 §9).
/// The master list's own signature is not verified here: the operator vets the files placed in the folder.
/// </summary>
public sealed class CscaTrustList
{
    public const string MasterListContentType = "2.23.136.1.1.2";

    private readonly List<X509Certificate2> _certificates = [];
    private readonly List<CertificateRevocationList> _crls = [];

    public IReadOnlyList<X509Certificate2> Certificates => _certificates;

    public IReadOnlyList<CertificateRevocationList> RevocationLists => _crls;

    public static CscaTrustList Empty => new();

    public static CscaTrustList FromCertificates(IEnumerable<X509Certificate2> certificates, IEnumerable<byte[]>? crls = null)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        var list = new CscaTrustList();
        list._certificates.AddRange(certificates);
        foreach (var crl in crls ?? [])
        {
            list.AddRevocationList(crl);
        }

        return list;
    }

    public static CscaTrustList LoadFolder(string folder)
    {
        var list = new CscaTrustList();
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var extension = Path.GetExtension(path).ToUpperInvariant();
            var bytes = File.ReadAllBytes(path);
            switch (extension)
            {
                case ".CER" or ".DER" or ".CRT" or ".PEM":
                    list.AddCertificates(bytes);
                    break;
                case ".CRL":
                    list.AddRevocationList(FromPemIfNeeded(bytes, "X509 CRL"));
                    break;
                case ".ML":
                    list.AddMasterList(bytes);
                    break;
                default:
                    break;
            }
        }

        return list;
    }

    public void AddCertificates(byte[] derOrPem)
    {
        ArgumentNullException.ThrowIfNull(derOrPem);
        if (IsPem(derOrPem))
        {
            var collection = new X509Certificate2Collection();
            collection.ImportFromPem(System.Text.Encoding.ASCII.GetString(derOrPem));
            _certificates.AddRange(collection);
        }
        else
        {
            _certificates.Add(X509CertificateLoader.LoadCertificate(derOrPem));
        }
    }

    public void AddRevocationList(byte[] der) => _crls.Add(CertificateRevocationList.Parse(der));

    public void AddMasterList(byte[] masterList)
    {
        try
        {
            var cms = new SignedCms();
            cms.Decode(masterList);
            if (cms.ContentInfo.ContentType.Value != MasterListContentType)
            {
                throw new FormatException("The file is not an ICAO CSCA master list.");
            }

            var content = new AsnReader(cms.ContentInfo.Content, AsnEncodingRules.BER).ReadSequence();
            content.ReadInteger();
            var set = content.ReadSetOf(skipSortOrderValidation: true);
            while (set.HasData)
            {
                _certificates.Add(X509CertificateLoader.LoadCertificate(set.ReadEncodedValue().Span));
            }
        }
        catch (Exception ex) when (ex is CryptographicException or AsnContentException)
        {
            throw new FormatException("The master list is not a valid CMS SignedData.", ex);
        }
    }

    private static bool IsPem(byte[] bytes) => bytes.AsSpan().IndexOf("-----BEGIN"u8) >= 0;

    private static byte[] FromPemIfNeeded(byte[] bytes, string label)
    {
        if (!IsPem(bytes))
        {
            return bytes;
        }

        var text = System.Text.Encoding.ASCII.GetString(bytes);
        var fields = PemEncoding.Find(text);
        return text[fields.Label] == label
            ? Convert.FromBase64String(text[fields.Base64Data])
            : throw new FormatException($"Expected a PEM {label}.");
    }
}
