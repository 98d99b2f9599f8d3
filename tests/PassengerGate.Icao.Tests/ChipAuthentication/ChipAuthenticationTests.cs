using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.Icao.ChipAuthentication;
using PassengerGate.Icao.Crypto;
using PassengerGate.Icao.PassiveAuthentication;
using PassengerGate.Icao.Reading;
using PassengerGate.Icao.Tests.Chip;

namespace PassengerGate.Icao.Tests.ChipAuthentication;

/// <summary>
/// Chip Authentication between the reader and the simulated chip, with the verifier holding the ephemeral key
/// (Doc 9303-11 §6.2): a chip holding DG14's private key answers under the agreed keys, a copy does not.
/// </summary>
public class ChipAuthenticationTests(PkiFixture fixture) : IClassFixture<PkiFixture>
{
    [Theory]
    [InlineData(ChipAuthenticationInfos.CaEcdhAes128, null)]
    [InlineData(ChipAuthenticationInfos.CaEcdhAes256, 7)]
    [InlineData(ChipAuthenticationInfos.CaEcdh3Des, null)]
    [InlineData(ChipAuthenticationInfos.CaEcdh3Des, 1)]
    public async Task A_genuine_chip_answers_under_the_keys_only_the_verifier_and_the_chip_hold(string protocol, int? keyId)
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki, ChipAuthentication = protocol, ChipAuthenticationKeyId = keyId });

        var (read, keys) = await ReadAsync(passport);

        Assert.Equal(ChipAuthenticationOutcome.Performed, read.ChipAuthenticationExchange.Outcome);
        var verification = Verify(read, keys);
        Assert.True(verification.Verdict == ChipAuthenticationVerdict.Valid, $"{verification.Detail}: {string.Join(' ', read.ChipAuthenticationExchange.Responses.Select(Convert.ToHexString))}");
    }

    [Fact]
    public async Task A_clone_without_the_chip_authentication_private_key_fails()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki, Fault = ChipFaultMode.ClonedWithoutChipAuthenticationKey });

        var (read, keys) = await ReadAsync(passport);

        Assert.Equal(ChipAuthenticationOutcome.Performed, read.ChipAuthenticationExchange.Outcome);
        Assert.Equal(ChipAuthenticationVerdict.Failed, Verify(read, keys).Verdict);
    }

    [Fact]
    public async Task A_clone_refusing_chip_authentication_is_missing_it()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki, Fault = ChipFaultMode.ClonedRefusingChipAuthentication });

        var (read, keys) = await ReadAsync(passport);

        Assert.Equal(ChipAuthenticationOutcome.Refused, read.ChipAuthenticationExchange.Outcome);
        Assert.Equal(ChipAuthenticationVerdict.Missing, Verify(read, keys).Verdict);
    }

    [Fact]
    public async Task Answers_made_under_another_key_agreement_do_not_verify()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki });
        var (read, _) = await ReadAsync(passport);
        passport.Chip.Reset();
        var (_, otherKeys) = await ReadAsync(passport);

        Assert.Equal(ChipAuthenticationVerdict.Failed, Verify(read, otherKeys).Verdict);
    }

    [Fact]
    public async Task Keys_agreed_for_another_DG14_than_the_signed_one_fail()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki });
        var (read, keys) = await ReadAsync(passport);

        Assert.Equal(ChipAuthenticationVerdict.Failed, Verify(read, keys! with { Dg14Hash = new byte[32] }).Verdict);
    }

    [Fact]
    public async Task Without_a_key_agreement_or_without_DG14_chip_authentication_is_missing()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki });
        var (read, keys) = await ReadAsync(passport);
        var lso = DocumentSecurityObject.Parse(read.Sod).SecurityObject;

        Assert.Equal(ChipAuthenticationVerdict.Missing, ChipAuthenticationVerifier.Verify(lso, read.DataGroups, null, null).Verdict);
        Assert.Equal(ChipAuthenticationVerdict.Missing, ChipAuthenticationVerifier.Verify(lso, read.DataGroups, keys, null).Verdict);
        Assert.Equal(ChipAuthenticationVerdict.Missing, ChipAuthenticationVerifier.Verify(lso, read.DataGroups.Where(g => g.Key != 14).ToDictionary(), keys, read.ChipAuthenticationExchange.Responses).Verdict);
    }

    [Fact]
    public async Task A_flipped_bit_in_an_answer_fails()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki });
        var (read, keys) = await ReadAsync(passport);
        var responses = read.ChipAuthenticationExchange.Responses.Select(r => (byte[])r.Clone()).ToList();
        responses[^1][3] ^= 0x01;

        var lso = DocumentSecurityObject.Parse(read.Sod).SecurityObject;
        Assert.Equal(ChipAuthenticationVerdict.Failed, ChipAuthenticationVerifier.Verify(lso, read.DataGroups, keys, responses).Verdict);
    }

    [Fact]
    public async Task A_chip_whose_SOD_lists_no_DG14_owes_no_chip_authentication()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki, ChipAuthentication = null });

        var (read, keys) = await ReadAsync(passport);

        Assert.DoesNotContain(14, read.DataGroups.Keys);
        Assert.Null(keys);
        Assert.Equal(ChipAuthenticationVerdict.NotRequired, Verify(read, keys).Verdict);
    }

    private static async Task<(ChipReadResult Read, ChipAuthenticationSessionKeys? Keys)> ReadAsync(SimulatedPassport passport)
    {
        ChipAuthenticationSessionKeys? keys = null;
        var options = new ChipReaderOptions
        {
            ChipAuthentication = (dg14, _) =>
            {
                var issued = ChipAuthenticationIssuer.Issue(dg14, SystemRandomSource.Instance);
                keys = issued?.Keys;
                return Task.FromResult(issued?.Challenge);
            },
        };
        var read = await new ChipReader(passport.CreateTransport(), options).ReadAsync(passport.AccessKey, default);
        return (read, keys);
    }

    private static ChipAuthenticationVerification Verify(ChipReadResult read, ChipAuthenticationSessionKeys? keys) =>
        ChipAuthenticationVerifier.Verify(DocumentSecurityObject.Parse(read.Sod).SecurityObject, read.DataGroups, keys, read.ChipAuthenticationExchange.Responses);
}
