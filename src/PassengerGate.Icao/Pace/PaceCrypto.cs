using System.Formats.Asn1;
using System.Security.Cryptography;
using ECPoint = Org.BouncyCastle.Math.EC.ECPoint;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Math;
using PassengerGate.Domain.Documents;
using PassengerGate.Icao.Bac;
using PassengerGate.Icao.Crypto;
using PassengerGate.Icao.Lds;

namespace PassengerGate.Icao.Pace;

/// <summary>
/// The computations of PACE with ECDH generic mapping (Doc 9303-11 §9.5.4, §9.7.3, worked example App. G.1),
/// shared by the terminal and the simulated chip. Points travel uncompressed (04‖x‖y).
/// </summary>
public static class PaceCrypto
{
    /// <summary>Kπ = KDF(f(π), 3) with f(π) = SHA-1(MRZ_information) for the MRZ password, or the CAN's ASCII digits.</summary>
    public static byte[] PasswordKey(string? mrzInformation, string? can, SecureMessagingAlgorithm algorithm)
    {
        byte[] secret = mrzInformation is not null
            ? KeyDerivation.Sha1(MrzInformation.ToBytes(mrzInformation))
            : System.Text.Encoding.ASCII.GetBytes(can ?? throw new ArgumentException("An MRZ or a CAN is required."));
        return KeyDerivation.Derive(secret, KeyDerivation.PasswordCounter, algorithm);
    }

    /// <summary>The nonce s = D(Kπ, z): AES-CBC with a zero IV over the one-block encrypted nonce.</summary>
    public static byte[] DecryptNonce(ReadOnlySpan<byte> passwordKey, ReadOnlySpan<byte> encryptedNonce)
    {
        using var aes = Aes.Create();
        aes.Key = passwordKey.ToArray();
        return aes.DecryptCbc(encryptedNonce, new byte[16], PaddingMode.None);
    }

    public static byte[] EncryptNonce(ReadOnlySpan<byte> passwordKey, ReadOnlySpan<byte> nonce)
    {
        using var aes = Aes.Create();
        aes.Key = passwordKey.ToArray();
        return aes.EncryptCbc(nonce, new byte[16], PaddingMode.None);
    }

    /// <summary>Generic mapping: Ĝ = s·G + H, where H = own mapping private key · the other side's mapping public key.</summary>
    public static ECPoint MapGenerator(X9ECParameters curve, ReadOnlySpan<byte> nonce, ECPoint otherMappingPublicKey, BigInteger ownMappingPrivateKey)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(otherMappingPublicKey);
        var h = otherMappingPublicKey.Multiply(ownMappingPrivateKey).Normalize();
        if (h.IsInfinity)
        {
            throw new CryptographicException("The PACE mapping produced the point at infinity.");
        }

        return curve.G.Multiply(new BigInteger(1, nonce.ToArray())).Add(h).Normalize();
    }

    /// <summary>A private scalar in [1, n−1] from the injected randomness.</summary>
    public static BigInteger NewPrivateKey(X9ECParameters curve, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(random);
        var bytes = random.NextBytes((curve.N.BitLength / 8) + 8);
        return new BigInteger(1, bytes).Mod(curve.N.Subtract(BigInteger.One)).Add(BigInteger.One);
    }

    public static ECPoint DecodePoint(X9ECParameters curve, ReadOnlySpan<byte> encoded)
    {
        ArgumentNullException.ThrowIfNull(curve);
        try
        {
            var point = curve.Curve.DecodePoint(encoded.ToArray()).Normalize();
            return point.IsValid() && !point.IsInfinity ? point : throw new CryptographicException("The PACE public key is not on the curve.");
        }
        catch (ArgumentException ex)
        {
            throw new CryptographicException("The PACE public key is not a valid point.", ex);
        }
    }

    /// <summary>The shared secret K is the x-coordinate of own private key · other public key, at field length.</summary>
    public static byte[] SharedSecret(ECPoint otherPublicKey, BigInteger ownPrivateKey)
    {
        ArgumentNullException.ThrowIfNull(otherPublicKey);
        var point = otherPublicKey.Multiply(ownPrivateKey).Normalize();
        return point.AffineXCoord.GetEncoded();
    }

    /// <summary>
    /// Authentication token T = MAC(KSmac, 7F49 { 06 protocol OID, 86 other side's ephemeral public point })
    /// truncated to 8 bytes (Doc 9303-11 §9.7.3.3 / §9.4.1).
    /// </summary>
    public static byte[] AuthenticationToken(ReadOnlySpan<byte> macKey, string protocol, ReadOnlySpan<byte> publicPoint)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteObjectIdentifier(protocol);
        byte[] inputData = BerTlv.Encode(0x7F49, [.. writer.Encode(), .. BerTlv.Encode(0x86, publicPoint)]);
        return AesCmac.Compute(macKey, inputData)[..8];
    }
}
