using PassengerGate.Domain.Documents;

namespace PassengerGate.Domain.Tests.Documents;

/// <summary>tech.md §1.4 edge cases, and input that is not an MRZ at all.</summary>
public class MrzEdgeCaseTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private const string Td3Line1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    private const string Td3Line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    private static MrzResult Read(params string[] lines) => MrzParser.Parse(lines, Today);

    [Fact]
    public void No_lines_at_all_cannot_be_read_and_says_so()
    {
        var mrz = MrzParser.Parse([], Today);

        Assert.False(mrz.IsReadable);
        Assert.False(mrz.IsValid);
        Assert.Equal("UNKNOWN", mrz.Format);
        Assert.Equal("lines", Assert.Single(mrz.Errors).Field);
    }

    [Fact]
    public void A_null_list_is_reported_not_thrown()
    {
        var mrz = MrzParser.Parse(null!, Today);

        Assert.False(mrz.IsReadable);
        Assert.Equal("lines", Assert.Single(mrz.Errors).Field);
    }

    [Fact]
    public void Four_lines_cannot_be_read()
    {
        // ICAO layouts have 2 or 3 lines (tech.md §1.1); cheminfo tests reject other counts.
        var mrz = Read(Td3Line1, Td3Line2, Td3Line2, Td3Line2);

        Assert.False(mrz.IsReadable);
        Assert.Equal("lines", Assert.Single(mrz.Errors).Field);
    }

    [Fact]
    public void A_line_one_character_short_is_named_in_the_errors()
    {
        var mrz = Read(Td3Line1, Td3Line2[..43]);

        Assert.False(mrz.IsReadable);
        Assert.Equal("TD3", mrz.Format);
        var error = Assert.Single(mrz.Errors);
        Assert.Equal("line2", error.Field);
        Assert.Contains("43", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_of_a_length_no_layout_has_are_each_reported()
    {
        // Only 30, 36 and 44 are ICAO line lengths (tech.md §1.6, cheminfo "wrong line count/length").
        var mrz = Read("ABC", "DEF");

        Assert.False(mrz.IsReadable);
        Assert.Equal(["line1", "line2"], mrz.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Characters_outside_the_MRZ_alphabet_are_listed_with_the_field_they_fall_in()
    {
        // Lines use only A-Z, 0-9 and '<' (UKHomeOffice/mrz-parser README, tech.md §1.1); L1[0] is the document code
        // and L2[13:19] the date of birth in TD3.
        var mrz = Read("p" + Td3Line1[1..], Td3Line2[..15] + "-" + Td3Line2[16..]);

        Assert.False(mrz.IsReadable);
        Assert.Equal(["documentCode", "dateOfBirth"], mrz.Errors.Select(e => e.Field));
        Assert.Contains("L2[15]", mrz.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_document_number_check_digit_is_reported_with_the_composite()
    {
        // Changing a check digit also changes the composite, which covers it (Doc 9303 Part 4, tech.md §1.1).
        var mrz = Read(Td3Line1, "L898902C37" + Td3Line2[10..]);

        Assert.True(mrz.IsReadable);
        Assert.False(mrz.IsValid);
        Assert.Equal(["documentNumber", "composite"], mrz.Errors.Select(e => e.Field));
        Assert.Contains("gives 6", mrz.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sex_code_other_than_F_M_X_or_filler_is_an_error()
    {
        // Sex is M, F or '<' (tech.md §1.1); Q is outside the composite, so only the sex is wrong.
        var mrz = Read(Td3Line1, Td3Line2[..20] + "Q" + Td3Line2[21..]);

        Assert.Equal("sex", Assert.Single(mrz.Errors).Field);
    }

    [Fact]
    public void A_passport_layout_must_carry_document_code_P()
    {
        // TD3 documents are passports, code P (Doc 9303 Part 4); "I" in 2×44 is not a layout ICAO defines.
        var mrz = Read("I" + Td3Line1[1..], Td3Line2);

        Assert.Equal("documentCode", Assert.Single(mrz.Errors).Field);
    }

    [Fact]
    public void A_digit_in_the_name_is_an_error()
    {
        var mrz = Read("P<UTOERIKSS0N<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", Td3Line2);

        Assert.Equal("name", Assert.Single(mrz.Errors).Field);
    }

    [Fact]
    public void A_missing_expiry_date_is_kept_raw_and_is_not_an_error()
    {
        // snifter/MRZCode.NET MrzSamples TD1_NO_EXPIRY_DATE and TD2_NO_EXPIRY_DATE: expiry "<<<<<<" with check digit 0.
        var td1 = Read("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F<<<<<<0UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
        var td2 = Read("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F<<<<<<0<<<<<<<6");

        foreach (var mrz in new[] { td1, td2 })
        {
            Assert.True(mrz.IsValid, string.Join("; ", mrz.Errors));
            Assert.Null(mrz.ExpiryDate);
            Assert.Equal("<<<<<<", mrz.ExpiryDateRaw);
            Assert.Equal(new DateOnly(1974, 8, 12), mrz.DateOfBirth);
        }
    }

    [Theory]
    // Unknown day as fillers (Doc 9303 Part 3) or as "00" (Swiss documents, davedelong/calendar_fallacies#46);
    // both check to 1 (recomputed per tech.md §1.2). MRV-B has no composite, so only the date changes.
    [InlineData("4009<<1")]
    [InlineData("4009001")]
    public void An_unknown_day_of_birth_is_kept_raw_without_a_date(string birthWithDigit)
    {
        // cheminfo mrvb.js Utopia visa, with its birth date 400907 replaced.
        var mrz = Read("V<UTOHENG<<DEBORAH<MING<LO<<<<<<<<<<", "L8988901C4XXX" + birthWithDigit + "F9612109<<<<<<<<");

        Assert.True(mrz.IsValid, string.Join("; ", mrz.Errors));
        Assert.Null(mrz.DateOfBirth);
        Assert.Equal(birthWithDigit[..6], mrz.DateOfBirthRaw);
    }

    [Fact]
    public void A_thirteenth_month_is_not_a_date()
    {
        // 401307 checks to 7 (recomputed per tech.md §1.2), so only the date itself is wrong.
        var mrz = Read("V<UTOHENG<<DEBORAH<MING<LO<<<<<<<<<<", "L8988901C4XXX4013077F9612109<<<<<<<<");

        Assert.True(mrz.IsReadable);
        Assert.Equal("dateOfBirth", Assert.Single(mrz.Errors).Field);
        Assert.Null(mrz.DateOfBirth);
        Assert.Equal("401307", mrz.DateOfBirthRaw);
    }

    [Theory]
    // Century rule of the brief: a birth date is not in the future; an expiry date lies at most 20 years ahead.
    [InlineData("261125", 2026)]
    [InlineData("261126", 1926)]
    public void A_birth_date_is_never_in_the_future(string yymmdd, int year)
    {
        Assert.Equal(year, MrzDates.ToDate(yymmdd, Today, isExpiry: false)!.Value.Year);
    }

    [Theory]
    [InlineData("460101", 2026, 2046)]
    [InlineData("470101", 2026, 1947)]
    [InlineData("050101", 2090, 2105)]
    public void An_expiry_date_lies_at_most_20_years_ahead(string yymmdd, int todayYear, int year)
    {
        Assert.Equal(year, MrzDates.ToDate(yymmdd, new DateOnly(todayYear, 6, 1), isExpiry: true)!.Value.Year);
    }

    [Fact]
    public void A_name_starting_with_a_double_filler_has_an_empty_surname()
    {
        // cheminfo td3.test.ts 'No last name': valid, lastName '', firstName 'FIRST NAME'.
        var mrz = Read("P<IND<<FIRST<NAME<<<<<<<<<<<<<<<<<<<<<<<<<<<", "C01X0006H1D<<6408125F1710319<<<<<<<<<<<<<<<0");

        Assert.True(mrz.IsValid, string.Join("; ", mrz.Errors));
        Assert.Equal("IND", mrz.IssuingState);
        Assert.Equal("", mrz.Surname);
        Assert.Equal("FIRST NAME", mrz.GivenNames);
    }

    [Fact]
    public void A_name_without_a_double_filler_is_all_primary_identifier_and_may_be_truncated()
    {
        // JMRTD MRZInfoTest Malaysian passport (tech.md §1.4): no "<<", the name fills position 44.
        var mrz = Read("P<MYSMEGAN<ELLA<RUTH<BIN<ISMAELAR<EZZAHUDDIN", "A001122338MYS0911267M2010153<<<<<<<<<<<<<<<8");

        Assert.True(mrz.IsValid, string.Join("; ", mrz.Errors));
        Assert.Equal("MEGAN ELLA RUTH BIN ISMAELAR EZZAHUDDIN", mrz.Surname);
        Assert.Equal("", mrz.GivenNames);
        Assert.True(mrz.NameMayBeTruncated);
        Assert.Equal("A00112233", mrz.DocumentNumber);
        Assert.Equal("MYS", mrz.Nationality);
    }

    [Fact]
    public void A_TD1_card_of_Germany_carries_D_padded_with_fillers()
    {
        // snifter/MRZCode.NET MrzSamples TD1_SINGLE_LETTER_COUNTRY_CODE; D maps to DEU (tech.md §1.4).
        var mrz = Read("I<D<<D231458907<<<<<<<<<<<<<<<", "7408122F1204159D<<<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");

        Assert.True(mrz.IsValid, string.Join("; ", mrz.Errors));
        Assert.Equal("D", mrz.IssuingState);
        Assert.Equal("D", mrz.Nationality);
        Assert.Equal("DEU", mrz.NationalityAlpha3);
    }

    [Fact]
    public void A_long_TD1_number_without_its_continuation_is_invalid()
    {
        // The '<' in the check-digit position announces a continuation in the optional data (tech.md §1.4);
        // here the optional data is empty.
        var mrz = Read("I<UTOD23145890<<<<<<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2", "STEVENSON<<PETER<JOHN<<<<<<<<<");

        Assert.True(mrz.IsReadable);
        Assert.Contains(mrz.Errors, e => e.Field == "documentNumber");
    }
}
