using System.Security.Cryptography;
using PassengerGate.Icao.ActiveAuthentication;
using PassengerGate.Icao.Crypto;
using PassengerGate.Icao.PassiveAuthentication;

namespace PassengerGate.Icao.Tests.ActiveAuthentication;

/// <summary>
/// The service-side Active Authentication check. The RSA vector is the real passport's DG15 and one INTERNAL
/// AUTHENTICATE challenge/signature pair from ZeroPass/pymrtd tests/pki/iso9796e2_test.py (as in Iso9796Part2Tests);
/// the ECDSA cases sign with a key made in the test and tamper with it (behaviour, no expected value copied).
/// </summary>
public class ActiveAuthenticationVerifierTests
{
    private const string Sha256 = "2.16.840.1.101.3.4.2.1";

    private static readonly byte[] RealDg15 = Hex.Decode(
        "6F81A230819F300D06092A864886F70D010101050003818D0030818902818100BD8620D45693E1CD8678639F22E9553F09E3AFD87BD26000113CE2798B7A02A2E0" +
        "AB6B7525D09072109D938D6708167E8FAFAF83F17BFBA36CECCE26058C7ED9AE29516755B19F78CE0E73DA02340B117B8AB2ECA007F1390E93E896016335EB5C1E33" +
        "0B961C03E253D17874F7ABEE8D4962C49FFE578D46954FF23B26F5E5550203010001");

    private static readonly byte[] RealChallenge = Hex.Decode("47E4EE7F211F7326");

    private static readonly byte[] RealSignature = Hex.Decode(
        "8AECE4E0AB1A6B9E06B31ACBA51AE316D0B7B48E2F5FE13E575060F6B9DC27A2F9D03DCF67A141F466EEC753879106BE0992F46F5EAAD075EB1886D2ACE90D60C2" +
        "EDA69880780CE4FA36EF27AB01C47527BD23B178EC8F213307281572C219487FC11B2C3D9C144DC98D96D1A79A7478449D692D3D14E8C044F81B3ADF0047E0");

    private static readonly byte[] Dg1 = [0x61, 0x01, 0x00];

    [Fact]
    public void A_real_passport_signature_over_the_issued_challenge_is_valid()
    {
        var verdict = Verify(Signed(Dg1, RealDg15), RealChallenge, RealChallenge, RealSignature);

        Assert.Equal(ActiveAuthenticationVerdict.Valid, verdict);
    }

    [Fact]
    public void A_signature_with_one_byte_changed_fails()
    {
        var signature = (byte[])RealSignature.Clone();
        signature[10] ^= 0x01;

        Assert.Equal(ActiveAuthenticationVerdict.Failed, Verify(Signed(Dg1, RealDg15), RealChallenge, RealChallenge, signature));
    }

    [Fact]
    public void A_genuine_signature_over_a_challenge_the_session_did_not_issue_fails()
    {
        var issued = Hex.Decode("0102030405060708");

        Assert.Equal(ActiveAuthenticationVerdict.Failed, Verify(Signed(Dg1, RealDg15), issued, RealChallenge, RealSignature));
    }

    [Fact]
    public void No_issued_challenge_means_no_response_can_pass()
    {
        Assert.Equal(ActiveAuthenticationVerdict.Failed, Verify(Signed(Dg1, RealDg15), [], RealChallenge, RealSignature));
    }

    [Fact]
    public void DG15_in_the_SOD_without_a_signature_is_missing()
    {
        Assert.Equal(ActiveAuthenticationVerdict.Missing, Verify(Signed(Dg1, RealDg15), RealChallenge, null, null));
    }

    [Fact]
    public void DG15_in_the_SOD_but_not_supplied_is_missing_whatever_else_arrives()
    {
        var (lso, _) = Signed(Dg1, RealDg15);
        var result = ActiveAuthenticationVerifier.Verify(lso, new Dictionary<int, byte[]> { [1] = Dg1 }, RealChallenge, RealChallenge, RealSignature);

        Assert.Equal(ActiveAuthenticationVerdict.Missing, result.Verdict);
    }

    [Fact]
    public void A_DG15_other_than_the_one_the_SOD_signed_fails_even_with_a_matching_signature()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var otherDg15 = ActiveAuthenticator.Encode(other.ExportSubjectPublicKeyInfo());
        var challenge = RandomNumberGenerator.GetBytes(8);
        var signature = other.SignData(challenge, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var (lso, _) = Signed(Dg1, RealDg15);

        var result = ActiveAuthenticationVerifier.Verify(lso, new Dictionary<int, byte[]> { [1] = Dg1, [15] = otherDg15 }, challenge, challenge, signature);

        Assert.Equal(ActiveAuthenticationVerdict.Failed, result.Verdict);
    }

    [Fact]
    public void Without_DG15_in_the_SOD_no_active_authentication_is_required()
    {
        var lso = new LdsSecurityObject(0, Sha256, new Dictionary<int, byte[]> { [1] = SHA256.HashData(Dg1) });

        var result = ActiveAuthenticationVerifier.Verify(lso, new Dictionary<int, byte[]> { [1] = Dg1 }, RealChallenge, null, null);

        Assert.Equal(ActiveAuthenticationVerdict.NotRequired, result.Verdict);
    }

    [Fact]
    public void An_ECDSA_plain_signature_verifies_and_a_tampered_one_fails()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var dg15 = ActiveAuthenticator.Encode(key.ExportSubjectPublicKeyInfo());
        var challenge = RandomNumberGenerator.GetBytes(8);
        var signature = key.SignData(challenge, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var signed = Signed(Dg1, dg15);

        Assert.Equal(ActiveAuthenticationVerdict.Valid, Verify(signed, challenge, challenge, signature));
        signature[^1] ^= 0x01;
        Assert.Equal(ActiveAuthenticationVerdict.Failed, Verify(signed, challenge, challenge, signature));
        Assert.Equal(ActiveAuthenticationVerdict.Failed, Verify(signed, challenge, challenge, [0x30, 0x00]));
    }

    private static (LdsSecurityObject Lso, Dictionary<int, byte[]> Groups) Signed(byte[] dg1, byte[] dg15) =>
        (new LdsSecurityObject(0, Sha256, new Dictionary<int, byte[]> { [1] = SHA256.HashData(dg1), [15] = SHA256.HashData(dg15) }),
         new Dictionary<int, byte[]> { [1] = dg1, [15] = dg15 });

    private static ActiveAuthenticationVerdict Verify((LdsSecurityObject Lso, Dictionary<int, byte[]> Groups) signed, byte[] issued, byte[]? challenge, byte[]? signature) =>
        ActiveAuthenticationVerifier.Verify(signed.Lso, signed.Groups, issued, challenge, signature).Verdict;
}
