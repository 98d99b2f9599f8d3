using PassengerGate.Domain.Documents;

namespace PassengerGate.Domain.Tests.Documents;

public class CheckDigitTests
{
    // ICAO Doc 9303 Part 3 Appendix A examples, as copied in
    // zienit/icao-examples CheckDigitTest.java (shared/docs/reference/tech.md §1.2).
    [Theory]
    [InlineData("520727", 3)]
    [InlineData("AB2134<<<", 5)]
    public void Icao_part_3_appendix_A_examples(string field, int expected)
    {
        Assert.Equal(expected, CheckDigit.Compute(field));
    }

    // Arg0s1080/mrz mrz/base/functions.py hash_string doctests.
    [Theory]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 7)]
    [InlineData("0123456789", 7)]
    [InlineData("0123456789ABCDEF", 0)]
    [InlineData("0", 0)]
    public void Arg0s1080_hash_string_examples(string field, int expected)
    {
        Assert.Equal(expected, CheckDigit.Compute(field));
    }

    // cheminfo/mrz src/parsers/__tests__/check.test.ts (tech.md §1.2): 592166117<231 → 8; 592166111<773 → 5, and 4 must fail.
    [Fact]
    public void Cheminfo_check_examples_verify_and_a_wrong_digit_fails()
    {
        Assert.True(CheckDigit.Verify("592166117<231", '8'));
        Assert.True(CheckDigit.Verify("592166111<773", '5'));
        Assert.False(CheckDigit.Verify("592166111<773", '4'));
    }

    [Fact]
    public void The_composite_of_the_appendix_A_TD3_example_is_8()
    {
        // Doc 9303 Part 3 App. A (zienit CheckDigitTest.java, tech.md §1.2): composite of
        // HA672242<6YTO5802254M9601086<<<<<<<<<<<<<<0 is 8, taken over L2[0:10]+L2[13:20]+L2[21:43].
        const string l2 = "HA672242<6YTO5802254M9601086<<<<<<<<<<<<<<0";
        Assert.Equal(8, CheckDigit.Compute(string.Concat(l2[0..10], l2[13..20], l2[21..43])));
    }

    [Fact]
    public void The_composite_of_the_appendix_A_TD1_example_is_2()
    {
        // Doc 9303 Part 3 App. A TD1 composite (zienit CheckDigitTest.java, tech.md §1.2):
        // I<YTOD231458907<<<<<<<<<<<<<<< / 3407127M9507122YTO<<<<<<<<<<< → 2, over L1[5:30]+L2[0:7]+L2[8:15]+L2[18:29].
        const string l1 = "I<YTOD231458907<<<<<<<<<<<<<<<";
        const string l2 = "3407127M9507122YTO<<<<<<<<<<<";
        Assert.Equal(2, CheckDigit.Compute(string.Concat(l1[5..30], l2[0..7], l2[8..15], l2[18..29])));
    }

    [Fact]
    public void Icao_part_3_appendix_A_composite_example_covers_number_birth_expiry_and_optional_data()
    {
        // Same source: the composite check digit of line 2 "HA672242<6YTO5802254M9601086<<<<<<<<<<<<<<0" is 8,
        // computed over positions 1-10, 14-20 and 22-43 (nationality and sex are left out).
        const string line2 = "HA672242<6YTO5802254M9601086<<<<<<<<<<<<<<0";
        var composite = string.Concat(line2.AsSpan(0, 10), line2.AsSpan(13, 7), line2.AsSpan(21, 22));
        Assert.Equal(8, CheckDigit.Compute(composite));
    }

    [Fact]
    public void A_character_outside_the_MRZ_alphabet_has_no_check_digit()
    {
        Assert.Equal(-1, CheckDigit.Compute("AB-12"));
        Assert.Equal(-1, CheckDigit.Compute("ab12"));
    }

    [Fact]
    public void A_filler_is_not_a_check_digit_even_where_the_digit_would_be_0()
    {
        // "0" checks to 0 (Arg0s1080 hash_string("0") → '0'); only empty optional data may carry '<' (tech.md §1.4).
        Assert.True(CheckDigit.Verify("0", '0'));
        Assert.False(CheckDigit.Verify("0", '<'));
    }
}
