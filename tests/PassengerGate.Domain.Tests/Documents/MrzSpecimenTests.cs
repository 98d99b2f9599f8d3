using PassengerGate.Domain.Documents;

namespace PassengerGate.Domain.Tests.Documents;

/// <summary>The specimen MRZs of tech.md §1.3 and §1.6, each with the fields its source suite documents.</summary>
public class MrzSpecimenTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static MrzResult Read(params string[] lines) => MrzParser.Parse(lines, Today);

    [Fact]
    public void TD3_Utopia_specimen_reads_every_field()
    {
        // Doc 9303 Part 4 App. B, via ZeroPass/pymrtd tests/ef/mrz_test.py and cheminfo/mrz src/parse/__tests__/td3.test.ts
        // (documentNumber L898902C3, birthDate 740812, expirationDate 120415, personalNumber ZE184226B, female, ANNA MARIA ERIKSSON).
        var mrz = Read("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10");

        Assert.True(mrz.IsValid, string.Join("; ", mrz.Errors));
        Assert.Equal("TD3", mrz.Format);
        Assert.Equal(MrzFormat.Td3, mrz.Layout);
        Assert.Equal("P", mrz.DocumentCode);
        Assert.Equal("UTO", mrz.IssuingState);
        Assert.Equal("L898902C3", mrz.DocumentNumber);
        Assert.Equal("UTO", mrz.Nationality);
        Assert.Equal("ERIKSSON", mrz.Surname);
        Assert.Equal("ANNA MARIA", mrz.GivenNames);
        Assert.Equal(new DateOnly(1974, 8, 12), mrz.DateOfBirth);
        Assert.Equal("F", mrz.Sex);
        Assert.Equal(new DateOnly(2012, 4, 15), mrz.ExpiryDate);
        Assert.Equal("ZE184226B", mrz.OptionalData);
        Assert.False(mrz.NameMayBeTruncated);
        Assert.Empty(mrz.Corrections);
    }

    [Fact]
    public void TD3_Utopia_old_edition_reads_its_dates_in_the_previous_century()
    {
        // JMRTD MRZInfoTest (scottynoshotty/jmrtd-code), the MRZ behind the Part 11 D.2 BAC example:
        // document L898902C<, birth 690806, expiry 940623.
        var mrz = Read("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C<3UTO6908061F9406236ZE184226B<<<<<14");

        Assert.True(mrz.IsValid, string.Join("; ", mrz.Errors));
        Assert.Equal("L898902C", mrz.DocumentNumber);
        Assert.Equal(new DateOnly(1969, 8, 6), mrz.DateOfBirth);
        Assert.Equal(new DateOnly(1994, 6, 23), mrz.ExpiryDate);
    }

    [Fact]
    public void TD1_Utopia_specimen_reads_every_field()
    {
        // snifter/MRZCode.NET MRZCodeParser.Tests/MrzSamples.cs TD1; appintheair/MRZParser MRZParserTests.swift.
        var mrz = Read("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");

        Assert.True(mrz.IsValid, string.Join("; ", mrz.Errors));
        Assert.Equal("TD1", mrz.Format);
        Assert.Equal("I", mrz.DocumentCode);
        Assert.Equal("UTO", mrz.IssuingState);
        Assert.Equal("D23145890", mrz.DocumentNumber);
        Assert.Equal("UTO", mrz.Nationality);
        Assert.Equal("ERIKSSON", mrz.Surname);
        Assert.Equal("ANNA MARIA", mrz.GivenNames);
        Assert.Equal(new DateOnly(1974, 8, 12), mrz.DateOfBirth);
        Assert.Equal("F", mrz.Sex);
        Assert.Equal(new DateOnly(2012, 4, 15), mrz.ExpiryDate);
        Assert.Equal("", mrz.OptionalData);
        Assert.Equal("", mrz.OptionalData2);
    }

    [Fact]
    public void TD2_Utopia_specimen_reads_every_field()
    {
        // cheminfo/mrz src/parse/__tests__/td2.test.ts; the same MRZ is MrzSamples.TD2 in snifter/MRZCode.NET.
        var mrz = Read("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6");

        Assert.True(mrz.IsValid, string.Join("; ", mrz.Errors));
        Assert.Equal("TD2", mrz.Format);
        Assert.Equal("I", mrz.DocumentCode);
        Assert.Equal("D23145890", mrz.DocumentNumber);
        Assert.Equal("UTO", mrz.Nationality);
        Assert.Equal("ERIKSSON", mrz.Surname);
        Assert.Equal("ANNA MARIA", mrz.GivenNames);
        Assert.Equal(new DateOnly(1974, 8, 12), mrz.DateOfBirth);
        Assert.Equal(new DateOnly(2012, 4, 15), mrz.ExpiryDate);
    }

    [Fact]
    public void TD2_Part_11_D2_specimen_carries_a_long_document_number_into_the_optional_data()
    {
        // ZeroPass/pymrtd mrz_test.py: document number D23145890734, check digit 9 (Doc 9303 Part 11 App. D.2).
        var mrz = Read("I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<", "D23145890<UTO3407127M95071227349<<<8");

        Assert.True(mrz.IsValid, string.Join("; ", mrz.Errors));
        Assert.Equal("D23145890734", mrz.DocumentNumber);
        Assert.Equal("", mrz.OptionalData);
        Assert.Equal("STEVENSON", mrz.Surname);
        Assert.Equal("PETER JOHN", mrz.GivenNames);
        Assert.Equal(new DateOnly(1934, 7, 12), mrz.DateOfBirth);
        Assert.Equal("M", mrz.Sex);
        Assert.Equal(new DateOnly(1995, 7, 12), mrz.ExpiryDate);
    }

    [Fact]
    public void TD1_long_document_number_specimen_reads_the_full_number()
    {
        // ZeroPass/dmrtd test/bac_test.dart: the same holder as the D.2 TD2, number D23145890734 (tech.md §1.3).
        var mrz = Read("I<UTOD23145890<7349<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2", "STEVENSON<<PETER<JOHN<<<<<<<<<");

        Assert.True(mrz.IsValid, string.Join("; ", mrz.Errors));
        Assert.Equal("D23145890734", mrz.DocumentNumber);
        Assert.Equal("", mrz.OptionalData);
        Assert.Equal(new DateOnly(1934, 7, 12), mrz.DateOfBirth);
    }

    [Fact]
    public void TD1_long_document_numbers_of_MRZCode_NET_are_joined_with_their_continuation()
    {
        // snifter/MRZCode.NET TD1DocumentLongMrzCodeTest: TD1_LONGER_DOCUMENT_ID_1 → DocumentNumber 111111111522,
        // check digit 7, OptionalData1 "". Its digits do not verify under either convention (the sample is synthetic:
        // recomputed per tech.md §1.2, the full number gives 6 and the composite 8, not 2), so it is read but invalid.
        var belgian = Read("IDBEL111111111<5227<<<<<<<<<<<", "7408122F2912207BEL110801555552", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
        Assert.True(belgian.IsReadable);
        Assert.Equal("ID", belgian.DocumentCode);
        Assert.Equal("BEL", belgian.IssuingState);
        Assert.Equal("111111111522", belgian.DocumentNumber);
        Assert.Equal("", belgian.OptionalData);
        Assert.Equal("11080155555", belgian.OptionalData2);
        Assert.Contains(belgian.Errors, e => e.Field == "documentNumber");
        Assert.Contains(belgian.Errors, e => e.Field == "composite");

        // TD1_LONGER_DOCUMENT_ID_2: 123456789 + continuation 0, check digit 7 (recomputed per §1.2: 7 either way).
        var utopian = Read("IDUTO123456789<07<<<<<<<<<<<<<", "8601012M3001019UTO<<<<<<<<<<<6", "SPECIMEN<<JANE<<<<<<<<<<<<<<<<");
        Assert.True(utopian.IsValid, string.Join("; ", utopian.Errors));
        Assert.Equal("1234567890", utopian.DocumentNumber);
        Assert.Equal("SPECIMEN", utopian.Surname);
        Assert.Equal("JANE", utopian.GivenNames);
    }

    [Fact]
    public void NLD_part_10_specimen_has_a_composite_digit_that_does_not_verify()
    {
        // pymrtd mrz_test.py, Doc 9303 Part 10 A.2.1: the printed composite is 4, tech.md §1.3 recomputes 8.
        var mrz = Read("I<NLDXI85935F86999999990<<<<<<", "7208148F1108268NLD<<<<<<<<<<<4", "VAN<DER<STEEN<<MARIANNE<LOUISE");

        Assert.True(mrz.IsReadable);
        Assert.False(mrz.IsValid);
        var error = Assert.Single(mrz.Errors);
        Assert.Equal("composite", error.Field);
        Assert.Equal("XI85935F8", mrz.DocumentNumber);
        Assert.Equal("999999990", mrz.OptionalData);
        Assert.Equal("VAN DER STEEN", mrz.Surname);
        Assert.Equal("MARIANNE LOUISE", mrz.GivenNames);
        Assert.True(mrz.NameMayBeTruncated);
        Assert.Equal(new DateOnly(1972, 8, 14), mrz.DateOfBirth);
        Assert.Equal(new DateOnly(2011, 8, 26), mrz.ExpiryDate);
    }

    [Fact]
    public void German_BSI_specimen_reads_D_as_the_state_and_maps_it_to_DEU()
    {
        // pymrtd mrz_test.py (BSI TR-03105 specimen, optional-data check digit 0); JMRTD expects "D<<", cheminfo 'D'.
        var mrz = Read("P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<", "C11T002JM4D<<9608122F2310314<<<<<<<<<<<<<<04");

        Assert.True(mrz.IsValid, string.Join("; ", mrz.Errors));
        Assert.Equal("C11T002JM", mrz.DocumentNumber);
        Assert.Equal("D", mrz.IssuingState);
        Assert.Equal("D", mrz.Nationality);
        Assert.Equal("DEU", mrz.IssuingStateAlpha3);
        Assert.Equal("DEU", mrz.NationalityAlpha3);
        Assert.Equal("MUSTERMANN", mrz.Surname);
        Assert.Equal("ERIKA", mrz.GivenNames);
        Assert.Equal(new DateOnly(1996, 8, 12), mrz.DateOfBirth);
        Assert.Equal(new DateOnly(2023, 10, 31), mrz.ExpiryDate);
        Assert.Equal("", mrz.OptionalData);
    }

    [Fact]
    public void German_specimen_with_a_filler_as_optional_data_check_digit_is_valid()
    {
        // cheminfo td3.test.ts 'German example': valid, personalNumberCheckDigit '<', birthDate 640812, expirationDate 171031.
        var mrz = Read("P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<", "C01X0006H1D<<6408125F1710319<<<<<<<<<<<<<<<0");

        Assert.True(mrz.IsValid, string.Join("; ", mrz.Errors));
        Assert.Equal("C01X0006H", mrz.DocumentNumber);
        Assert.Equal(new DateOnly(1964, 8, 12), mrz.DateOfBirth);
        Assert.Equal(new DateOnly(2017, 10, 31), mrz.ExpiryDate);
    }

    [Fact]
    public void Filler_and_zero_optional_data_check_digits_both_verify()
    {
        // JMRTD MRZInfoTest MRZ_LOES_MEULENDIJK_2LINE_ID3_ZERO_CHECKDIGIT / _FILLER_CHECKDIGIT (tech.md §1.4):
        // personal number 123456782, whose check digit is 0, printed as '0' or as '<'.
        var zero = Read("P<NLDMEULENDIJK<<LOES<ALBERTINE<<<<<<<<<<<<<", "XX00000000NLD7110195F1108280123456782<<<<<02");
        var filler = Read("P<NLDMEULENDIJK<<LOES<ALBERTINE<<<<<<<<<<<<<", "XX00000000NLD7110195F1108280123456782<<<<<<2");

        Assert.True(zero.IsValid, string.Join("; ", zero.Errors));
        Assert.True(filler.IsValid, string.Join("; ", filler.Errors));
        Assert.Equal("123456782", filler.OptionalData);
        Assert.Equal(new DateOnly(1971, 10, 19), filler.DateOfBirth);
        Assert.Equal(new DateOnly(2011, 8, 28), filler.ExpiryDate);
    }

    [Fact]
    public void Corrected_Part_11_TD2_and_TD1_copies_verify_and_the_original_composites_do_not()
    {
        // dmrtd test/bac_test.dart: "composite CD changed from 8 to 2" (TD2) and "from 1 to 2" (TD1), tech.md §1.3.
        var td2 = Read("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L898902C<3UTO6908061F9406236<<<<<<<2");
        var td2Original = Read("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L898902C<3UTO6908061F9406236<<<<<<<8");
        var td1 = Read("I<UTOL898902C<3<<<<<<<<<<<<<<<", "6908061F9406236UTO<<<<<<<<<<<2", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
        var td1Original = Read("I<UTOL898902C<3<<<<<<<<<<<<<<<", "6908061F9406236UTO<<<<<<<<<<<1", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");

        Assert.True(td2.IsValid, string.Join("; ", td2.Errors));
        Assert.True(td1.IsValid, string.Join("; ", td1.Errors));
        Assert.Equal("L898902C", td1.DocumentNumber);
        Assert.Equal("composite", Assert.Single(td2Original.Errors).Field);
        Assert.Equal("composite", Assert.Single(td1Original.Errors).Field);
    }

    [Fact]
    public void MRV_A_specimens_are_read_as_visas_without_a_composite()
    {
        // cheminfo/mrz src/parse/__tests__/mrva.js 'GBR Example': valid, documentCode VB, issuingState GBR, OCONNOR / ENYA SIOBHAN,
        // documentNumber 511427847, nationality DOM, birthDate 751022, male, expirationDate 150611, optionalData '08'.
        var mrz = Read("VBGBROCONNOR<<ENYA<SIOBHAN<<<<<<<<<<<<<<<<<<", "5114278475DOM7510223M150611808<<<<<<<<<<<<<<");

        Assert.True(mrz.IsValid, string.Join("; ", mrz.Errors));
        Assert.Equal("MRVA", mrz.Format);
        Assert.Equal("VB", mrz.DocumentCode);
        Assert.Equal("GBR", mrz.IssuingState);
        Assert.Equal("OCONNOR", mrz.Surname);
        Assert.Equal("ENYA SIOBHAN", mrz.GivenNames);
        Assert.Equal("511427847", mrz.DocumentNumber);
        Assert.Equal("DOM", mrz.Nationality);
        Assert.Equal(new DateOnly(1975, 10, 22), mrz.DateOfBirth);
        Assert.Equal("M", mrz.Sex);
        Assert.Equal(new DateOnly(2015, 6, 11), mrz.ExpiryDate);
        Assert.Equal("08", mrz.OptionalData);

        // mrva.js 'Utopia example': its only errors are the country whitelist (UTO), which this parser does not apply.
        var utopia = Read("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C<3UTO6908061F9406236ZE184226B<<<<<<<");
        Assert.True(utopia.IsValid, string.Join("; ", utopia.Errors));
        Assert.Equal("ZE184226B", utopia.OptionalData);
    }

    [Fact]
    public void MRV_B_specimens_are_read_as_visas()
    {
        // cheminfo/mrz src/parse/__tests__/mrvb.js 'Finland visa': valid, SMITH JONES / SUSIE MARGARET, L898902C, USA,
        // birthDate 690806, female, expirationDate 940623, optionalData ZE184226.
        var mrz = Read("V<FINSMITH<JONES<<SUSIE<MARGARET<<<<", "L898902C<3USA6908061F9406236ZE184226");

        Assert.True(mrz.IsValid, string.Join("; ", mrz.Errors));
        Assert.Equal("MRVB", mrz.Format);
        Assert.Equal("FIN", mrz.IssuingState);
        Assert.Equal("SMITH JONES", mrz.Surname);
        Assert.Equal("SUSIE MARGARET", mrz.GivenNames);
        Assert.Equal("L898902C", mrz.DocumentNumber);
        Assert.Equal("USA", mrz.Nationality);
        Assert.Equal(new DateOnly(1969, 8, 6), mrz.DateOfBirth);
        Assert.Equal(new DateOnly(1994, 6, 23), mrz.ExpiryDate);
        Assert.Equal("ZE184226", mrz.OptionalData);

        // mrvb.js 'Utopia example': HENG / DEBORAH MING LO, nationality XXX, birth 400907, expiry 961210; its one error is UTO.
        var heng = Read("V<UTOHENG<<DEBORAH<MING<LO<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<");
        Assert.True(heng.IsValid, string.Join("; ", heng.Errors));
        Assert.Equal("DEBORAH MING LO", heng.GivenNames);
        Assert.Equal("XXX", heng.Nationality);
        Assert.Equal(new DateOnly(1940, 9, 7), heng.DateOfBirth);
        Assert.Equal(new DateOnly(1996, 12, 10), heng.ExpiryDate);
    }
}
