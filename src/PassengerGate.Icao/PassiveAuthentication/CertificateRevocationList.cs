using System.Formats.Asn1;
using System.Numerics;

namespace PassengerGate.Icao.PassiveAuthentication;

/// <summary>
/// An X.509 CRL read by hand (RFC 5280 §5.1): CSCA CRLs use explicit EC parameters often enough that
/// the platform chain builder cannot be relied on (tech.md §2.5).
/// </summary>
public sealed class CertificateRevocationList
{
    private readonly Dictionary<BigInteger, DateTimeOffset> _revoked;

    private CertificateRevocationList(byte[] encoded, byte[] issuer, DateTimeOffset thisUpdate, Dictionary<BigInteger, DateTimeOffset> revoked)
    {
        Encoded = encoded;
        IssuerName = issuer;
        ThisUpdate = thisUpdate;
        _revoked = revoked;
    }

    public byte[] Encoded { get; }

    /// <summary>The DER-encoded issuer Name.</summary>
    public byte[] IssuerName { get; }

    public DateTimeOffset ThisUpdate { get; }

    public static CertificateRevocationList Parse(byte[] der)
    {
        ArgumentNullException.ThrowIfNull(der);
        try
        {
            var tbs = new AsnReader(der, AsnEncodingRules.DER).ReadSequence().ReadSequence();
            if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
            {
                tbs.ReadInteger();
            }

            tbs.ReadSequence();
            var issuer = tbs.ReadEncodedValue().ToArray();
            var thisUpdate = ReadTime(tbs);
            if (tbs.HasData && IsTime(tbs.PeekTag()))
            {
                ReadTime(tbs);
            }

            var revoked = new Dictionary<BigInteger, DateTimeOffset>();
            if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                var entries = tbs.ReadSequence();
                while (entries.HasData)
                {
                    var entry = entries.ReadSequence();
                    var serial = new BigInteger(entry.ReadIntegerBytes().Span, isUnsigned: false, isBigEndian: true);
                    revoked[serial] = ReadTime(entry);
                }
            }

            return new CertificateRevocationList(der, issuer, thisUpdate, revoked);
        }
        catch (AsnContentException ex)
        {
            throw new FormatException("The CRL is not valid DER.", ex);
        }
    }

    /// <summary>True when the serial is listed with a revocation date on or before <paramref name="asOf"/>.</summary>
    public bool IsRevoked(ReadOnlySpan<byte> serialNumberBigEndian, DateTimeOffset asOf) =>
        _revoked.TryGetValue(new BigInteger(serialNumberBigEndian, isUnsigned: false, isBigEndian: true), out var when) && when <= asOf;

    private static bool IsTime(Asn1Tag tag) => tag.HasSameClassAndValue(Asn1Tag.UtcTime) || tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime);

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();
}
