using System.Formats.Asn1;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Math;
using PassengerGate.Icao.Crypto;
using ECPoint = Org.BouncyCastle.Math.EC.ECPoint;

namespace PassengerGate.Icao.ChipAuthentication;

/// <summary>
/// The domain parameters and static public key of a chip's Chip Authentication key (DG14's SubjectPublicKeyInfo), and
/// the key agreement of Doc 9303-11 §6.2 / §9.6: ECDH with K = x-coordinate of SK·PK (BSI TR-03111 §4.3.1), or DH with
/// K = PK^SK mod p, each as an octet string of the field length. Keys travel as an uncompressed point 04‖x‖y (ECDH) or
/// the public value at the length of p (DH), as MSE:Set KAT's DO'91' and GENERAL AUTHENTICATE's DO'80' carry them.
/// </summary>
public sealed class ChipAuthenticationDomain
{
    private const string EcPublicKey = "1.2.840.10045.2.1";
    private const string DhPublicNumber = "1.2.840.10046.2.1";
    private const string DhKeyAgreement = "1.2.840.113549.1.3.1";

    private readonly X9ECParameters? _curve;

    /// <summary>The same prime curve for OpenSSL (through .NET's ECDiffieHellman), which does the point arithmetic about ten times
    /// faster than BouncyCastle's managed code (docs/performance.md); null for a curve OpenSSL is not given (not over a prime field).</summary>
    private readonly ECCurve? _openSslCurve;
    private readonly BigInteger? _p;
    private readonly BigInteger? _g;
    private readonly BigInteger? _q;

    private ChipAuthenticationDomain(X9ECParameters curve, ECPoint publicPoint, string? curveOid, byte[] parameters)
    {
        _curve = curve;
        _openSslCurve = OpenSslCurve(curve, curveOid, parameters);
        ChipPublicKey = publicPoint.GetEncoded(false);
    }

    private ChipAuthenticationDomain(BigInteger p, BigInteger g, BigInteger? q, BigInteger y)
    {
        _p = p;
        _g = g;
        _q = q;
        ChipPublicKey = Fixed(y, FieldLength);
    }

    public bool IsEllipticCurve => _curve is not null;

    /// <summary>The chip's static public key, encoded as it travels.</summary>
    public byte[] ChipPublicKey { get; }

    private int OrderLength => (_curve!.N.BitLength + 7) / 8;

    private int FieldLength => _curve is not null ? (_curve.Curve.FieldSize + 7) / 8 : (_p!.BitLength + 7) / 8;

    /// <summary>Reads id-ecPublicKey / id-PK-ECDH (named or explicit ECParameters) and dhpublicnumber / dhKeyAgreement / id-PK-DH keys.</summary>
    public static ChipAuthenticationDomain Parse(ReadOnlyMemory<byte> subjectPublicKeyInfo)
    {
        try
        {
            var spki = new AsnReader(subjectPublicKeyInfo, AsnEncodingRules.BER).ReadSequence();
            var algorithm = spki.ReadSequence();
            var oid = algorithm.ReadObjectIdentifier();
            var parameters = algorithm.HasData ? algorithm.ReadEncodedValue().ToArray() : null;
            var key = spki.ReadBitString(out _);
            switch (oid)
            {
                case EcPublicKey or ChipAuthenticationInfos.PkEcdh:
                {
                    var x962 = X962Parameters.GetInstance(Asn1Object.FromByteArray(parameters ?? throw new FormatException("EC domain parameters are missing.")));
                    var curveOid = x962.IsNamedCurve ? ((DerObjectIdentifier)x962.Parameters).Id : null;
                    var curve = x962.IsNamedCurve
                        ? ECNamedCurveTable.GetByOid((DerObjectIdentifier)x962.Parameters) ?? throw new FormatException("Unknown named curve.")
                        : X9ECParameters.GetInstance(x962.Parameters);
                    return new ChipAuthenticationDomain(curve, DecodePoint(curve, key), curveOid, parameters);
                }

                case DhPublicNumber or DhKeyAgreement or ChipAuthenticationInfos.PkDh:
                {
                    var domain = new AsnReader(parameters ?? throw new FormatException("DH domain parameters are missing."), AsnEncodingRules.BER).ReadSequence();
                    var p = Big(domain.ReadIntegerBytes().Span);
                    var g = Big(domain.ReadIntegerBytes().Span);
                    // X9.42 DomainParameters carry q third; PKCS #3 DHParameter carries an optional private value length there.
                    BigInteger? q = oid != DhKeyAgreement && domain.HasData ? Big(domain.ReadIntegerBytes().Span) : null;
                    var y = Big(new AsnReader(key, AsnEncodingRules.BER).ReadIntegerBytes().Span);
                    return new ChipAuthenticationDomain(p, g, q, CheckDh(p, y));
                }

                default:
                    throw new FormatException($"Chip Authentication key algorithm {oid} is not supported.");
            }
        }
        catch (Exception ex) when (ex is AsnContentException or ArgumentException or InvalidCastException or InvalidOperationException or IOException)
        {
            throw new FormatException("The Chip Authentication public key is malformed.", ex);
        }
    }

    /// <summary>A fresh key pair on these domain parameters: the private scalar/exponent and the encoded public key.</summary>
    public (BigInteger PrivateKey, byte[] PublicKey) NewKeyPair(IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (_curve is not null)
        {
            var d = new BigInteger(1, random.NextBytes((_curve.N.BitLength / 8) + 8)).Mod(_curve.N.Subtract(BigInteger.One)).Add(BigInteger.One);
            if (_openSslCurve is { } openSsl)
            {
                using var key = ECDiffieHellman.Create(new ECParameters { Curve = openSsl, D = Fixed(d, OrderLength) });
                var q = key.ExportParameters(includePrivateParameters: false).Q;
                return (d, [0x04, .. q.X!, .. q.Y!]);
            }

            return (d, _curve.G.Multiply(d).Normalize().GetEncoded(false));
        }

        var order = _q ?? _p!.Subtract(BigInteger.Two);
        var x = new BigInteger(1, random.NextBytes((order.BitLength / 8) + 8)).Mod(order.Subtract(BigInteger.One)).Add(BigInteger.One);
        return (x, Fixed(_g!.ModPow(x, _p!), FieldLength));
    }

    /// <summary>K = KA(own private key, other side's public key), checked to be a valid key of this domain.</summary>
    public byte[] SharedSecret(BigInteger ownPrivateKey, ReadOnlySpan<byte> otherPublicKey)
    {
        ArgumentNullException.ThrowIfNull(ownPrivateKey);
        if (_openSslCurve is { } openSsl && otherPublicKey.Length == 1 + (2 * FieldLength) && otherPublicKey[0] == 0x04)
        {
            // OpenSSL checks the point is on the curve when it is imported, and refuses a result at infinity.
            using var own = ECDiffieHellman.Create(new ECParameters { Curve = openSsl, D = Fixed(ownPrivateKey, OrderLength) });
            using var other = ECDiffieHellman.Create(new ECParameters
            {
                Curve = openSsl,
                Q = new System.Security.Cryptography.ECPoint { X = otherPublicKey.Slice(1, FieldLength).ToArray(), Y = otherPublicKey[(1 + FieldLength)..].ToArray() },
            });
            return own.DeriveRawSecretAgreement(other.PublicKey);
        }

        if (_curve is not null)
        {
            var point = DecodePoint(_curve, otherPublicKey.ToArray()).Multiply(ownPrivateKey).Normalize();
            if (point.IsInfinity)
            {
                throw new CryptographicException("The key agreement produced the point at infinity.");
            }

            return Fixed(point.AffineXCoord.ToBigInteger(), FieldLength);
        }

        var y = CheckDh(_p!, Big(otherPublicKey));
        return Fixed(y.ModPow(ownPrivateKey, _p!), FieldLength);
    }

    /// <summary>The SubjectPublicKeyInfo of a static key on a named curve (id-ecPublicKey, as issuers commonly encode DG14).</summary>
    public static byte[] EncodeNamedCurveKey(string curveOid, ReadOnlySpan<byte> uncompressedPoint)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(EcPublicKey);
                writer.WriteObjectIdentifier(curveOid);
            }

            writer.WriteBitString(uncompressedPoint);
        }

        return writer.Encode();
    }

    /// <summary>Curves already tried with OpenSSL, by OID or by the hex of the explicit parameters: null when OpenSSL refused it.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ECCurve?> OpenSslCurves = new(StringComparer.Ordinal);

    /// <summary>
    /// A named curve by its OID, else the curve's explicit prime parameters, once OpenSSL has shown it can make a key on it;
    /// null (BouncyCastle does the arithmetic) for a curve over another field or one OpenSSL refuses.
    /// </summary>
    private static ECCurve? OpenSslCurve(X9ECParameters curve, string? oid, byte[] parameters)
    {
        if (!Org.BouncyCastle.Math.EC.ECAlgorithms.IsFpCurve(curve.Curve))
        {
            return null;
        }

        return OpenSslCurves.GetOrAdd(oid ?? Convert.ToHexString(parameters), _ =>
        {
            var candidate = oid is not null ? ECCurve.CreateFromValue(oid) : Explicit(curve);
            try
            {
                using var probe = ECDiffieHellman.Create(candidate);
                return candidate;
            }
            catch (Exception ex) when (ex is CryptographicException or PlatformNotSupportedException or ArgumentException)
            {
                return oid is not null ? OpenSslCurve(curve, null, parameters) : null;
            }
        });
    }

    private static ECCurve Explicit(X9ECParameters curve)
    {
        var length = (curve.Curve.FieldSize + 7) / 8;
        var g = curve.G.Normalize();
        return new ECCurve
        {
            CurveType = ECCurve.ECCurveType.PrimeShortWeierstrass,
            Prime = Fixed(curve.Curve.Field.Characteristic, length),
            A = Fixed(curve.Curve.A.ToBigInteger(), length),
            B = Fixed(curve.Curve.B.ToBigInteger(), length),
            G = new System.Security.Cryptography.ECPoint { X = Fixed(g.AffineXCoord.ToBigInteger(), length), Y = Fixed(g.AffineYCoord.ToBigInteger(), length) },
            Order = curve.N.ToByteArrayUnsigned(),
            Cofactor = curve.H.ToByteArrayUnsigned(),
        };
    }

    private static ECPoint DecodePoint(X9ECParameters curve, byte[] encoded)
    {
        ECPoint point;
        try
        {
            point = curve.Curve.DecodePoint(encoded).Normalize();
        }
        catch (ArgumentException ex)
        {
            throw new CryptographicException("The Chip Authentication key is not a valid point.", ex);
        }

        return point.IsValid() && !point.IsInfinity ? point : throw new CryptographicException("The Chip Authentication key is not on the curve.");
    }

    private static BigInteger CheckDh(BigInteger p, BigInteger y) =>
        y.CompareTo(BigInteger.One) > 0 && y.CompareTo(p.Subtract(BigInteger.One)) < 0 ? y : throw new CryptographicException("The DH public value is out of range.");

    private static BigInteger Big(ReadOnlySpan<byte> bigEndian) => new(1, bigEndian.ToArray());

    private static byte[] Fixed(BigInteger value, int length)
    {
        var raw = value.ToByteArrayUnsigned();
        if (raw.Length > length)
        {
            throw new CryptographicException("The value is longer than the field.");
        }

        var output = new byte[length];
        raw.CopyTo(output, length - raw.Length);
        return output;
    }
}
