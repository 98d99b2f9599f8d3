using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.Icao.ActiveAuthentication;
using PassengerGate.Icao.Crypto;
using PassengerGate.Icao.Lds;
using PassengerGate.Icao.PassiveAuthentication;
using PassengerGate.Icao.Reading;

namespace PassengerGate.Icao.Tests.Chip;

/// <summary>
/// The reader takes the list of data groups from the signed EF.SOD, not from EF.COM (unsigned, so a clone can edit it),
/// and runs Active Authentication whenever the SOD lists DG15, answering the challenge it is given.
/// </summary>
public class SodDrivenReadTests(PkiFixture fixture) : IClassFixture<PkiFixture>
{
    [Fact]
    public async Task A_chip_whose_EF_COM_omits_DG15_still_has_DG15_read_and_active_authentication_run()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki });
        var profile = passport.Chip.Profile;
        var files = new Dictionary<ushort, byte[]>(profile.ApplicationFiles)
        {
            [LdsFiles.Com] = new EfCom("0107", "040000", [1, 2]).Encode(),
        };
        var chip = new SimulatedPassportChip(profile with { ApplicationFiles = files });

        var read = await new ChipReader(new InProcessApduTransport(chip)).ReadAsync(passport.AccessKey, default);

        Assert.Equal([1, 2], EfCom.Parse(read.EfCom).DataGroups);
        Assert.Equal([1, 2, 14, 15], read.DataGroups.Keys);
        Assert.Equal(ActiveAuthenticationOutcome.Valid, read.ActiveAuthentication);
    }

    [Fact]
    public async Task A_clone_hiding_DG15_is_read_without_DG15_and_without_an_AA_signature_though_its_SOD_lists_DG15()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki, Fault = ChipFaultMode.ClonedHidingActiveAuthentication });

        var read = await new ChipReader(passport.CreateTransport()).ReadAsync(passport.AccessKey, default);

        Assert.Contains(15, DocumentSecurityObject.Parse(read.Sod).SecurityObject.DataGroupHashes.Keys);
        Assert.DoesNotContain(15, read.DataGroups.Keys);
        Assert.Null(read.ActiveAuthenticationExchange.Signature);
    }

    [Fact]
    public async Task A_clone_without_active_authentication_gives_no_signature()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki, Fault = ChipFaultMode.ClonedWithoutActiveAuthentication });

        var read = await new ChipReader(passport.CreateTransport()).ReadAsync(passport.AccessKey, default);

        Assert.Contains(15, read.DataGroups.Keys);
        Assert.Equal(ActiveAuthenticationOutcome.Invalid, read.ActiveAuthentication);
        Assert.Null(read.ActiveAuthenticationExchange.Signature);
    }

    [Fact]
    public async Task The_given_challenge_is_the_one_the_chip_signs()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki });
        var challenge = Hex.Decode("0011223344556677");

        var read = await new ChipReader(passport.CreateTransport(), new ChipReaderOptions { ActiveAuthenticationChallenge = challenge }).ReadAsync(passport.AccessKey, default);
        var exchange = read.ActiveAuthenticationExchange;

        Assert.Equal(challenge, exchange.Challenge);
        Assert.True(ActiveAuthenticator.Verify(read.DataGroups[15], null, challenge, exchange.Signature));
        Assert.False(ActiveAuthenticator.Verify(read.DataGroups[15], null, Hex.Decode("0011223344556678"), exchange.Signature));
    }
}
