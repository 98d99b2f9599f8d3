using PassengerGate.Icao.Crypto;
using PassengerGate.Icao.Lds;
using PassengerGate.Icao.PassiveAuthentication;

namespace PassengerGate.Icao.Tests.PassiveAuthentication;

// Expected values from ZeroPass/pymrtd tests/ef/sod_test.py over the BSI TR-03105-5 reference EF.SOD (tech.md §2.5).
public class BsiReferenceSodTests
{
    private static readonly DateTimeOffset WhileDscValid = new(2014, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_reference_SOD_holds_five_SHA256_data_group_hashes()
    {
        var sod = DocumentSecurityObject.Parse(Hex.Decode(BsiReferenceData.Sod));

        Assert.Equal("SHA-256", sod.SecurityObject.HashAlgorithmName);
        Assert.Equal(0, sod.SecurityObject.Version);
        Assert.Equal([1, 2, 3, 4, 14], sod.SecurityObject.DataGroupHashes.Keys.Order());
        Assert.Equal("4170CA879FCE6A22FFEF1567FF88079F415C66EAD250AB5F23781AC2CDBF42B6", Hex.Encode(sod.SecurityObject.DataGroupHashes[1]));
    }

    [Fact]
    public void Reference_DG1_carries_the_specimen_MRZ()
    {
        Assert.StartsWith("P<D<<MUSTERMANN<<ERIKA", Dg1.ReadMrz(Hex.Decode(BsiReferenceData.Dg1)), StringComparison.Ordinal);
    }

    [Fact]
    public void Hashes_and_the_RSA_PSS_signature_verify_but_the_CSCA_is_not_trusted()
    {
        var result = PassiveAuthenticator.Verify(Request(Hex.Decode(BsiReferenceData.Dg1)), CscaTrustList.Empty);

        Assert.Equal(PassiveAuthenticationReason.UnknownCsca, result.Reason);
        Assert.Equal("UNKNOWN_CSCA", result.Code);
        Assert.False(result.IsValid);
        Assert.Contains("HJP PB DS", result.DocumentSigner, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_DG1_fails_with_a_hash_mismatch_on_DG1()
    {
        var dg1 = Hex.Decode(BsiReferenceData.Dg1);
        dg1[^1] ^= 0x01;

        var result = PassiveAuthenticator.Verify(Request(dg1), CscaTrustList.Empty);

        Assert.Equal(PassiveAuthenticationReason.DgHashMismatch, result.Reason);
        Assert.Equal(1, result.DataGroup);
    }

    [Fact]
    public void A_truncated_SOD_is_malformed()
    {
        var sod = Hex.Decode(BsiReferenceData.Sod)[..500];
        var result = PassiveAuthenticator.Verify(new PassiveAuthenticationRequest(sod, new Dictionary<int, byte[]> { [1] = Hex.Decode(BsiReferenceData.Dg1) }, null, WhileDscValid), CscaTrustList.Empty);
        Assert.Equal("SOD_MALFORMED", result.Code);
    }

    [Fact]
    public void Without_DG1_the_result_is_DG_MISSING()
    {
        var result = PassiveAuthenticator.Verify(new PassiveAuthenticationRequest(Hex.Decode(BsiReferenceData.Sod), new Dictionary<int, byte[]>(), null, WhileDscValid), CscaTrustList.Empty);
        Assert.Equal(PassiveAuthenticationReason.DgMissing, result.Reason);
        Assert.Equal(1, result.DataGroup);
    }

    private static PassiveAuthenticationRequest Request(byte[] dg1) =>
        new(Hex.Decode(BsiReferenceData.Sod), new Dictionary<int, byte[]> { [1] = dg1 }, null, WhileDscValid);
}
