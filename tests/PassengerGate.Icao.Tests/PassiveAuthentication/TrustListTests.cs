using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.Icao.PassiveAuthentication;
using PassengerGate.Icao.Tests.Chip;

namespace PassengerGate.Icao.Tests.PassiveAuthentication;

public class TrustListTests(PkiFixture fixture) : IClassFixture<PkiFixture>
{
    private static readonly DateTimeOffset InspectedAt = PkiFixture.IssuedAt.AddMonths(3);

    [Fact]
    public void A_CSCA_in_an_ICAO_master_list_is_trusted()
    {
        // Doc 9303-12 §9: a master list is CMS SignedData, content type id-icao-cscaMasterList 2.23.136.1.1.2,
        // holding CscaMasterList ::= SEQUENCE { version INTEGER (0), certList SET OF Certificate }.
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki, ActiveAuthentication = AaKeyType.None });
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            using (writer.PushSetOf())
            {
                writer.WriteEncodedValue(passport.ExportCscaCertificate());
            }
        }

        using var signerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var signerCert = new CertificateRequest("CN=Master List Signer", signerKey, HashAlgorithmName.SHA256)
            .CreateSelfSigned(PkiFixture.IssuedAt.AddYears(-1), PkiFixture.IssuedAt.AddYears(1));
        var cms = new SignedCms(new ContentInfo(new Oid(CscaTrustList.MasterListContentType), writer.Encode()));
        cms.ComputeSignature(new CmsSigner(signerCert), silent: true);
        var trust = CscaTrustList.Empty;
        trust.AddMasterList(cms.Encode());

        var result = PassiveAuthenticator.Verify(new PassiveAuthenticationRequest(passport.Sod, passport.DataGroups, passport.PrintedMrz, InspectedAt), trust);

        Assert.Single(trust.Certificates);
        Assert.Equal("OK", result.Code);
    }

    [Fact]
    public void A_PEM_CSCA_in_the_trust_folder_is_trusted_and_a_foreign_one_is_not()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki, ActiveAuthentication = AaKeyType.None });
        using var other = TestPki.Create("ZZ", PkiFixture.IssuedAt.AddYears(-5));
        var folder = Directory.CreateTempSubdirectory("pgate-csca-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "zz.pem"), other.CscaCertificate.ExportCertificatePem());
            var request = new PassiveAuthenticationRequest(passport.Sod, passport.DataGroups, passport.PrintedMrz, InspectedAt);
            Assert.Equal("UNKNOWN_CSCA", PassiveAuthenticator.Verify(request, CscaTrustList.LoadFolder(folder.FullName)).Code);

            File.WriteAllText(Path.Combine(folder.FullName, "ut.pem"), passport.CscaCertificate.ExportCertificatePem());
            Assert.Equal("OK", PassiveAuthenticator.Verify(request, CscaTrustList.LoadFolder(folder.FullName)).Code);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_CRL_signed_by_another_CA_is_ignored()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki, ActiveAuthentication = AaKeyType.None });
        using var other = TestPki.Create("UT", PkiFixture.IssuedAt.AddYears(-5));
        var forged = other.IssueCrl([passport.DocumentSigner], PkiFixture.IssuedAt);

        var result = PassiveAuthenticator.Verify(
            new PassiveAuthenticationRequest(passport.Sod, passport.DataGroups, passport.PrintedMrz, InspectedAt),
            CscaTrustList.FromCertificates([passport.CscaCertificate], [forged]));

        Assert.Equal("OK", result.Code);
    }
}
