using PassengerGate.Icao.Crypto;
using PassengerGate.Icao.Lds;

namespace PassengerGate.Icao.Pace;

/// <summary>
/// A PACE protocol this reader can run: ECDH generic mapping with AES secure messaging
/// (id-PACE-ECDH-GM-AES-CBC-CMAC-128/192/256 = 0.4.0.127.0.7.2.2.4.2.2/3/4, Doc 9303-11 §9.2.1)
/// over a standardized domain parameter set (Doc 9303-11 §9.5.1 table: 12 = NIST P-256, 13 = brainpoolP256r1, …).
/// </summary>
public sealed record PaceInfo(string Protocol, int ParameterId)
{
    public const string EcdhGmAes128 = "0.4.0.127.0.7.2.2.4.2.2";
    public const string EcdhGmAes192 = "0.4.0.127.0.7.2.2.4.2.3";
    public const string EcdhGmAes256 = "0.4.0.127.0.7.2.2.4.2.4";

    public SecureMessagingAlgorithm Algorithm => Protocol switch
    {
        EcdhGmAes128 => SecureMessagingAlgorithm.Aes128,
        EcdhGmAes192 => SecureMessagingAlgorithm.Aes192,
        EcdhGmAes256 => SecureMessagingAlgorithm.Aes256,
        _ => throw new NotSupportedException($"PACE protocol {Protocol} is not supported."),
    };

    public static bool IsSupported(string protocol, int parameterId) =>
        protocol is EcdhGmAes128 or EcdhGmAes192 or EcdhGmAes256 && PaceCurves.IsSupported(parameterId);

    /// <summary>The first supported PACEInfo of EF.CardAccess, or null (then the reader falls back to BAC).</summary>
    public static PaceInfo? Choose(IEnumerable<SecurityInfo> infos)
    {
        ArgumentNullException.ThrowIfNull(infos);
        foreach (var info in infos)
        {
            if (info.Version == 2
                && int.TryParse(info.Parameter, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                && IsSupported(info.Protocol, id))
            {
                return new PaceInfo(info.Protocol, id);
            }
        }

        return null;
    }

    /// <summary>PACEInfo ::= SEQUENCE { protocol OID, version INTEGER (2), parameterId INTEGER }, as EF.CardAccess and DG14 hold it.</summary>
    public byte[] Encode()
    {
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(Protocol);
            writer.WriteInteger(2);
            writer.WriteInteger(ParameterId);
        }

        return writer.Encode();
    }
}
