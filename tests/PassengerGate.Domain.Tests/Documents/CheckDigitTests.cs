using PassengerGate.Domain.Documents;

namespace PassengerGate.Domain.Tests.Documents;

public class CheckDigitTests
{
    // ICAO Doc 9303 Part 3 Appendix A examples, as copied in
    // zienit/icao-examples CheckDigitTest.java (shared/docs/reference/tech.md §1.2).
    [Theory]
    [InlineData("520727", 3)]
    [InlineData("AB2134<<<", 5)]
    [InlineData("HA672242<6YTO5802254M9601086<<<<<<<<<<<<<<0", 8)]
    public void Icao_part_3_appendix_A_examples(string field, int expected)
    {
        Assert.Equal(expected, CheckDigit.Compute(field));
    }

    [Fact]
    public void A_character_outside_the_MRZ_alphabet_has_no_check_digit()
    {
        Assert.Equal(-1, CheckDigit.Compute("AB-12"));
    }
}
