using System.Formats.Cbor;
using System.Security.Cryptography.Cose;
using System.Security.Cryptography.X509Certificates;
using PassengerGate.Contracts.PreDeclarations;

namespace PassengerGate.Server.Tests.Contracts;

/// <summary>Our Base45 and zlib layers open a real EU DCC, whose COSE_Sign1 then verifies: the chain interoperates.</summary>
public class DccInteroperabilityTests
{
    [Fact]
    public void The_EU_DCC_test_vector_opens_through_our_envelope_and_its_signature_verifies()
    {
        Assert.StartsWith("HC1:", DccTestVector.Hc1, StringComparison.Ordinal);
        Assert.True(QrEnvelope.TryUnwrap(DccTestVector.Hc1["HC1:".Length..], out var cose, out var error));
        Assert.Equal(PreDeclarationQrError.None, error);

        // tech.md §5 [verified there]: 378 bytes, starting D2 84 4D A2 (tag 18, a 4-array, a 13-byte protected header map of 2).
        Assert.Equal(378, cose.Length);
        Assert.Equal(new byte[] { 0xD2, 0x84, 0x4D, 0xA2 }, cose[..4]);

        var message = CoseMessage.DecodeSign1(cose);
        using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(DccTestVector.SignerCertificate));
        using var key = certificate.GetECDsaPublicKey()!;
        Assert.True(message.VerifyEmbedded(key));

        // tech.md §5: the CWT map has 4 entries (iss, iat, exp, hcert).
        var claims = new CborReader(message.Content!.Value);
        Assert.Equal(4, claims.ReadStartMap());
    }
}
