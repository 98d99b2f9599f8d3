using System.Formats.Asn1;
using System.Globalization;

namespace PassengerGate.Icao.Lds;

/// <summary>Parses SecurityInfos ::= SET OF SecurityInfo (EF.CardAccess, or DG14 inside its 6E wrapper).</summary>
public static class SecurityInfos
{
    public const string PacePrefix = "0.4.0.127.0.7.2.2.4.";
    public const string ActiveAuthenticationInfo = "2.23.136.1.1.5";

    public static IReadOnlyList<SecurityInfo> Parse(ReadOnlyMemory<byte> data)
    {
        if (data.Length > 0 && data.Span[0] == 0x6E)
        {
            data = BerTlv.Read(data).Value;
        }

        var output = new List<SecurityInfo>();
        try
        {
            var set = new AsnReader(data, AsnEncodingRules.BER).ReadSetOf(skipSortOrderValidation: true);
            while (set.HasData)
            {
                var encoded = set.PeekEncodedValue();
                var info = set.ReadSequence();
                var oid = info.ReadObjectIdentifier();
                int? version = null;
                string? parameter = null;
                while (info.HasData)
                {
                    var tag = info.PeekTag();
                    if (tag.HasSameClassAndValue(Asn1Tag.Integer))
                    {
                        var value = info.ReadInteger();
                        if (version is null)
                        {
                            version = (int)value;
                        }
                        else
                        {
                            parameter ??= value.ToString(CultureInfo.InvariantCulture);
                        }
                    }
                    else if (tag.HasSameClassAndValue(Asn1Tag.ObjectIdentifier))
                    {
                        parameter ??= info.ReadObjectIdentifier();
                    }
                    else
                    {
                        info.ReadEncodedValue();
                    }
                }

                output.Add(new SecurityInfo(oid, version, parameter, encoded.ToArray()));
            }
        }
        catch (Exception ex) when (ex is AsnContentException or OverflowException)
        {
            throw new FormatException("SecurityInfos are not valid ASN.1.", ex);
        }

        return output;
    }
}
