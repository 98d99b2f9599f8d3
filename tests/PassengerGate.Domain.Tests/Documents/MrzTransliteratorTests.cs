using PassengerGate.Domain.Documents;

namespace PassengerGate.Domain.Tests.Documents;

public class MrzTransliteratorTests
{
    // Doc 9303 Part 3 transliteration as tabled in Arg0s1080/mrz mrz/generator/dictionaries/latin_based.py (tech.md §1.5).
    [Theory]
    [InlineData("Ä", "AE")]
    [InlineData("å", "AA")]
    [InlineData("Æ", "AE")]
    [InlineData("Ö", "OE")]
    [InlineData("ø", "OE")]
    [InlineData("Œ", "OE")]
    [InlineData("Ü", "UE")]
    [InlineData("ß", "SS")]
    [InlineData("ẞ", "SS")]
    [InlineData("Þ", "TH")]
    [InlineData("Ĳ", "IJ")]
    [InlineData("Ñ", "N")]
    [InlineData("Ł", "L")]
    [InlineData("Đ", "D")]
    [InlineData("é", "E")]
    [InlineData("Č", "C")]
    public void Letters_follow_the_ICAO_table(string letter, string expected)
    {
        Assert.Equal(expected, MrzTransliterator.Transliterate(letter));
    }

    [Fact]
    public void Arg0s1080_doctest_sentence()
    {
        // Arg0s1080/mrz mrz/base/functions.py transliterate doctest: "Þĩŝ ïŜ Á ţęšť" → THIS IS A TEST (with '<' as separator).
        Assert.Equal("THIS<IS<A<TEST", MrzTransliterator.Transliterate("Þĩŝ ïŜ Á ţęšť"));
    }

    [Fact]
    public void A_hyphenated_German_name_becomes_fillers_and_digraphs()
    {
        // eu-digital-green-certificates dgc-testdata README: "Musterfrau-Gößinger" → MUSTERFRAU<GOESSINGER (tech.md §1.5).
        Assert.Equal("MUSTERFRAU<GOESSINGER", MrzTransliterator.Transliterate("Musterfrau-Gößinger"));
    }

    [Fact]
    public void An_apostrophe_is_dropped()
    {
        // latin_based.py maps U+0027 to "" (tech.md §1.5).
        Assert.Equal("ONEILL", MrzTransliterator.Transliterate("O'Neill"));
    }

    [Fact]
    public void Surname_and_given_names_are_joined_by_a_double_filler()
    {
        // Names are PRIMARY<<SECONDARY<NAMES (tech.md §1.1).
        Assert.Equal("ERIKSSON<<ANNA<MARIA", MrzTransliterator.ToMrzName("Eriksson", "Anna Maria"));
    }
}
