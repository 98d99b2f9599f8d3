using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.Icao.PassiveAuthentication;
using PassengerGate.Icao.Reading;

namespace PassengerGate.Icao.Tests.Chip;

// DOMAIN.md §4: passive authentication fails on a hash mismatch, a bad signature, an untrusted or expired chain,
// or DG1 disagreeing with the printed MRZ. Each simulated fault must surface as its own reason code.
public class FaultModeTests(PkiFixture fixture) : IClassFixture<PkiFixture>
{
    private static readonly DateTimeOffset InspectedAt = PkiFixture.IssuedAt.AddMonths(3);

    [Theory]
    [InlineData(ChipFaultMode.TamperedDataGroup, "DG_HASH_MISMATCH", 2)]
    [InlineData(ChipFaultMode.WrongSignature, "SIGNATURE_INVALID", null)]
    [InlineData(ChipFaultMode.UnknownCsca, "UNKNOWN_CSCA", null)]
    [InlineData(ChipFaultMode.ExpiredSigner, "DSC_EXPIRED", null)]
    [InlineData(ChipFaultMode.Dg1MismatchesPrintedMrz, "DG1_MRZ_MISMATCH", 1)]
    public async Task Each_fault_gives_its_reason_code(ChipFaultMode fault, string code, int? dataGroup)
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki, Fault = fault, ActiveAuthentication = AaKeyType.None });
        var read = await new ChipReader(passport.CreateTransport()).ReadAsync(passport.AccessKey, default);

        var result = PassiveAuthenticator.Verify(new PassiveAuthenticationRequest(read.Sod, read.DataGroups, passport.PrintedMrz, InspectedAt), passport.TrustList());

        Assert.False(result.IsValid);
        Assert.Equal(code, result.Code);
        Assert.Equal(dataGroup, result.DataGroup);
    }

    [Fact]
    public void A_document_signer_is_not_yet_valid_before_its_validity_starts()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki, ActiveAuthentication = AaKeyType.None });

        var result = PassiveAuthenticator.Verify(
            new PassiveAuthenticationRequest(passport.Sod, passport.DataGroups, passport.PrintedMrz, PkiFixture.IssuedAt.AddYears(-1)),
            passport.TrustList());

        Assert.Equal("DSC_NOT_YET_VALID", result.Code);
    }

    [Fact]
    public void A_document_signer_on_the_CSCA_CRL_is_revoked()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki, ActiveAuthentication = AaKeyType.None });
        var crl = fixture.Pki.IssueCrl([passport.DocumentSigner], PkiFixture.IssuedAt.AddMonths(1));

        var result = PassiveAuthenticator.Verify(
            new PassiveAuthenticationRequest(passport.Sod, passport.DataGroups, passport.PrintedMrz, InspectedAt),
            CscaTrustList.FromCertificates([passport.CscaCertificate], [crl]));

        Assert.Equal("DSC_REVOKED", result.Code);
    }

    [Fact]
    public void A_CRL_dated_after_the_inspection_does_not_revoke_it_yet()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki, ActiveAuthentication = AaKeyType.None });
        var crl = fixture.Pki.IssueCrl([passport.DocumentSigner], InspectedAt.AddDays(1));

        var result = PassiveAuthenticator.Verify(
            new PassiveAuthenticationRequest(passport.Sod, passport.DataGroups, passport.PrintedMrz, InspectedAt),
            CscaTrustList.FromCertificates([passport.CscaCertificate], [crl]));

        Assert.Equal("OK", result.Code);
    }

    [Theory]
    [InlineData(TestSignatureAlgorithm.RsaPkcs1)]
    [InlineData(TestSignatureAlgorithm.RsaPss)]
    [InlineData(TestSignatureAlgorithm.EcdsaBrainpoolP256Explicit)]
    public void Passports_signed_with_other_ICAO_algorithms_verify(TestSignatureAlgorithm algorithm)
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { SignatureAlgorithm = algorithm, ActiveAuthentication = AaKeyType.None });

        var result = PassiveAuthenticator.Verify(new PassiveAuthenticationRequest(passport.Sod, passport.DataGroups, passport.PrintedMrz, InspectedAt), passport.TrustList());

        Assert.Equal("OK", result.Code);
    }

    [Fact]
    public void Explicit_curve_parameters_are_verified_by_hand()
    {
        // Doc 9303-12 mandates explicit EC domain parameters for CSCA/DSC keys; X509Chain throws on them (tech.md §2.5).
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { SignatureAlgorithm = TestSignatureAlgorithm.EcdsaBrainpoolP256Explicit, ActiveAuthentication = AaKeyType.None });
        Assert.Equal(0x30, passport.CscaCertificate.PublicKey.EncodedParameters!.RawData[0]);
        Assert.Equal(0x30, passport.DocumentSigner.PublicKey.EncodedParameters!.RawData[0]);
        var request = new PassiveAuthenticationRequest(passport.Sod, passport.DataGroups, passport.PrintedMrz, InspectedAt);
        using var sameNameOtherKey = TestPki.Create("UT", PkiFixture.IssuedAt.AddYears(-5), TestSignatureAlgorithm.EcdsaBrainpoolP256Explicit);

        Assert.Equal("OK", PassiveAuthenticator.Verify(request, passport.TrustList()).Code);
        Assert.Equal("UNKNOWN_CSCA", PassiveAuthenticator.Verify(request, CscaTrustList.FromCertificates([sameNameOtherKey.CscaCertificate])).Code);
    }

    [Fact]
    public void A_trust_list_folder_with_the_exported_CSCA_is_trusted()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki, ActiveAuthentication = AaKeyType.None });
        var folder = Directory.CreateTempSubdirectory("pgate-csca-");
        try
        {
            File.WriteAllBytes(Path.Combine(folder.FullName, "ut-csca.cer"), passport.ExportCscaCertificate());

            var result = PassiveAuthenticator.Verify(
                new PassiveAuthenticationRequest(passport.Sod, passport.DataGroups, passport.PrintedMrz, InspectedAt),
                CscaTrustList.LoadFolder(folder.FullName));

            Assert.Equal("OK", result.Code);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
