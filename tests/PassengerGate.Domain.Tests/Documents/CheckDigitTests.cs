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
    }
}
