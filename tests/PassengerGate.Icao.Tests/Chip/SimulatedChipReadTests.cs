using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.Icao.ActiveAuthentication;
using PassengerGate.Icao.Apdu;
using PassengerGate.Icao.Crypto;
using PassengerGate.Icao.Lds;
using PassengerGate.Icao.Pace;
using PassengerGate.Icao.PassiveAuthentication;
using PassengerGate.Icao.Reading;
using PassengerGate.Icao.Tests.Support;
using PassengerGate.Hardware.Apdu;

namespace PassengerGate.Icao.Tests.Chip;

public class SimulatedChipReadTests(PkiFixture fixture) : IClassFixture<PkiFixture>
{
    private static readonly DateTimeOffset InspectedAt = PkiFixture.IssuedAt.AddMonths(3);

    [Fact]
    public void The_simulated_chip_answers_the_App_D_mutual_authentication_with_the_published_bytes()
    {
        // Doc 9303-11 App. D.3 (tech.md §2.2): chip nonces RND.IC 4608F91988702212 and K.IC 0B4F…790B,
        // terminal's E.IFD‖M.IFD in, the published EXTERNAL AUTHENTICATE response out.
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions
        {
            Pki = fixture.Pki,
            ActiveAuthentication = AaKeyType.None,
            ChipRandom = new QueuedRandom("4608F91988702212", "0B4F80323EB3191CB04970CB4052790B"),
        });
        var chip = passport.Chip;

        Assert.Equal("9000", Hex.Encode(chip.Process(Hex.Decode("00A4040C07A0000002471001"))));
        Assert.Equal("4608F919887022129000", Hex.Encode(chip.Process(Hex.Decode("0084000008"))));
        var response = chip.Process(Hex.Decode(
            "0082000028" + "72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2" + "5F1448EEA8AD90A7" + "28"));
        Assert.Equal("46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449" + "9000", Hex.Encode(response));
    }

    [Fact]
    public async Task A_BAC_read_of_the_simulated_chip_passes_passive_authentication()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki });

        var read = await new ChipReader(passport.CreateTransport()).ReadAsync(passport.AccessKey, default);

        Assert.Equal(AccessProtocol.Bac, read.Protocol);
        Assert.Equal([1, 2, 14, 15], read.DataGroups.Keys);
        Assert.Equal(passport.PrintedMrz.Replace("\n", "", StringComparison.Ordinal), Dg1.ReadMrz(read.DataGroups[1]));
        Assert.Equal(FaceImageType.Jpeg, Dg2.ReadPortrait(read.DataGroups[2]).ImageType);
        Assert.Equal(ActiveAuthenticationOutcome.Valid, read.ActiveAuthentication);
        Assert.True(read.ApduCount > 5);

        var result = PassiveAuthenticator.Verify(
            new PassiveAuthenticationRequest(read.Sod, read.DataGroups, passport.PrintedMrz, InspectedAt) { RequiredDataGroups = [1, 2] },
            passport.TrustList());

        Assert.True(result.IsValid, result.Detail);
        Assert.Equal("OK", result.Code);
    }

    [Fact]
    public async Task The_portrait_survives_reads_past_offset_7FFF_with_short_and_extended_lengths()
    {
        var face = new byte[45_000];
        new Random(7).NextBytes(face);
        face[0] = 0xFF;
        face[1] = 0xD8;
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki, FaceImage = face, ActiveAuthentication = AaKeyType.None });

        var shortRead = await new ChipReader(passport.CreateTransport(), new ChipReaderOptions { ExtendedLength = ExtendedLengthMode.Never }).ReadAsync(passport.AccessKey, default);
        var extendedRead = await new ChipReader(passport.CreateTransport()).ReadAsync(passport.AccessKey, default);

        Assert.Equal(face, Dg2.ReadPortrait(shortRead.DataGroups[2]).ImageBytes);
        Assert.Equal(face, Dg2.ReadPortrait(extendedRead.DataGroups[2]).ImageBytes);
        Assert.True(extendedRead.UsedExtendedLength);
        Assert.True(extendedRead.ApduCount < shortRead.ApduCount);
    }

    [Fact]
    public async Task A_portrait_over_64_kB_with_a_three_byte_BER_length_is_read_whole()
    {
        // Lengths over 65535 are encoded 83 xx xx xx (ISO/IEC 8825-1 §8.1.3.5), so the file header is 5+ bytes.
        var face = new byte[70_000];
        new Random(11).NextBytes(face);
        face[0] = 0xFF;
        face[1] = 0xD8;
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki, FaceImage = face, ActiveAuthentication = AaKeyType.None });

        var read = await new ChipReader(passport.CreateTransport()).ReadAsync(passport.AccessKey, default);

        Assert.Equal(face, Dg2.ReadPortrait(read.DataGroups[2]).ImageBytes);
    }

    [Fact]
    public async Task A_wrong_MRZ_fails_BAC()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki, ActiveAuthentication = AaKeyType.None });
        var wrong = ChipAccessKey.FromMrz("L898902C", "690806", "940624");

        await Assert.ThrowsAsync<Icao.Bac.BacAuthenticationException>(() => new ChipReader(passport.CreateTransport()).ReadAsync(wrong, default));
    }

    [Theory]
    [InlineData(13)]
    [InlineData(12)]
    public async Task A_PACE_chip_is_read_with_PACE_generic_mapping(int parameterId)
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions
        {
            Pki = fixture.Pki,
            Pace = new PaceInfo(PaceInfo.EcdhGmAes128, parameterId),
            ActiveAuthentication = AaKeyType.EcdsaP256,
        });

        var read = await new ChipReader(passport.CreateTransport()).ReadAsync(passport.AccessKey, default);

        Assert.Equal(AccessProtocol.Pace, read.Protocol);
        Assert.NotNull(read.CardAccess);
        Assert.Equal(ActiveAuthenticationOutcome.Valid, read.ActiveAuthentication);
        var result = PassiveAuthenticator.Verify(new PassiveAuthenticationRequest(read.Sod, read.DataGroups, passport.PrintedMrz, InspectedAt), passport.TrustList());
        Assert.Equal("OK", result.Code);
    }

    [Fact]
    public async Task A_PACE_chip_opens_with_its_card_access_number_and_AES_256()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions
        {
            Pki = fixture.Pki,
            Pace = new PaceInfo(PaceInfo.EcdhGmAes256, 13),
            Can = "654321",
            ActiveAuthentication = AaKeyType.None,
        });

        var read = await new ChipReader(passport.CreateTransport()).ReadAsync(ChipAccessKey.FromCan("654321"), default);

        Assert.Equal(AccessProtocol.Pace, read.Protocol);
        Assert.Equal(passport.DataGroups[1], read.DataGroups[1]);
    }

    [Fact]
    public async Task A_reader_that_does_not_try_PACE_falls_back_to_BAC_on_a_PACE_chip()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki, Pace = new PaceInfo(PaceInfo.EcdhGmAes128, 13), ActiveAuthentication = AaKeyType.None });

        var read = await new ChipReader(passport.CreateTransport(), new ChipReaderOptions { TryPace = false }).ReadAsync(passport.AccessKey, default);

        Assert.Equal(AccessProtocol.Bac, read.Protocol);
    }

    [Fact]
    public async Task A_chip_that_refuses_EF_CardAccess_is_read_with_BAC()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki, ActiveAuthentication = AaKeyType.None });
        var transport = new RefusingTransport(passport.CreateTransport(), "00A4020C02011C", 0x6982);

        var read = await new ChipReader(transport).ReadAsync(passport.AccessKey, default);

        Assert.Equal(AccessProtocol.Bac, read.Protocol);
        Assert.Null(read.CardAccess);
    }

    [Theory]
    [InlineData(AaKeyType.Rsa1024)]
    [InlineData(AaKeyType.EcdsaP256)]
    public async Task A_cloned_chip_fails_active_authentication(AaKeyType key)
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki, ActiveAuthentication = key, Fault = ChipFaultMode.ClonedChip });

        var read = await new ChipReader(passport.CreateTransport()).ReadAsync(passport.AccessKey, default);

        Assert.Equal(ActiveAuthenticationOutcome.Invalid, read.ActiveAuthentication);
        // Passive authentication alone cannot see a clone: the copied data are genuinely signed.
        Assert.Equal("OK", PassiveAuthenticator.Verify(new PassiveAuthenticationRequest(read.Sod, read.DataGroups, passport.PrintedMrz, InspectedAt), passport.TrustList()).Code);
    }

    [Fact]
    public async Task A_chip_without_DG15_reports_active_authentication_not_supported()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki, ActiveAuthentication = AaKeyType.None });

        var read = await new ChipReader(passport.CreateTransport()).ReadAsync(passport.AccessKey, default);

        Assert.Equal(ActiveAuthenticationOutcome.NotSupported, read.ActiveAuthentication);
    }

    [Fact]
    public async Task A_chip_that_fails_mid_read_raises_a_communication_error()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki, Fault = ChipFaultMode.FailsMidRead, FailAfterReads = 4 });

        var error = await Assert.ThrowsAsync<ChipCommunicationException>(() => new ChipReader(passport.CreateTransport()).ReadAsync(passport.AccessKey, default));

        Assert.Equal(0x6F00, error.StatusWord);
    }

    [Fact]
    public void The_exported_CSCA_certificate_is_DER_without_a_private_key()
    {
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions { Pki = fixture.Pki, ActiveAuthentication = AaKeyType.None });

        using var csca = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(passport.ExportCscaCertificate());

        Assert.False(csca.HasPrivateKey);
        Assert.Equal(passport.DocumentSigner.Issuer, csca.Subject);
    }

    /// <summary>Answers one command with a fixed status word, as some BAC-only chips do for files they lack.</summary>
    private sealed class RefusingTransport(IApduTransport inner, string command, ushort statusWord) : IApduTransport
    {
        public ReadOnlyMemory<byte> Atr => inner.Atr;

        public Task<byte[]> TransmitAsync(byte[] commandApdu, CancellationToken ct) =>
            Hex.Encode(commandApdu) == command
                ? Task.FromResult(ResponseApdu.Encode([], statusWord))
                : inner.TransmitAsync(commandApdu, ct);
    }
}
