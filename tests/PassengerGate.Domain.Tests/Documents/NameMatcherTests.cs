using PassengerGate.Domain.Documents;

namespace PassengerGate.Domain.Tests.Documents;

public class NameMatcherTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    // Doc 9303 Part 4 App. B specimen (tech.md §1.3): ERIKSSON, ANNA MARIA, name field not full.
    private static readonly MrzResult Eriksson =
        MrzParser.Parse(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"], Today);

    // JMRTD MRZInfoTest MRZ_GERARD_ROBBERT_MARTINUS_SEBASTIAAN_VAN_NIEUWENHUIZEN_2LINE_ID3: the constant's name is the
    // holder's full name, the MRZ cuts it at position 44.
    private static readonly MrzResult VanNieuwenhuizen =
        MrzParser.Parse(["P<NLDVAN<NIEUWENHUIZEN<<GERARD<ROBBERT<MARTI", "XN01BC0150NLD7112247M1108268123456782<<<<<02"], Today);

    [Fact]
    public void A_typed_name_in_mixed_case_matches_exactly()
    {
        Assert.True(Eriksson.IsValid);
        Assert.Equal(NameMatch.Exact, NameMatcher.Compare(Eriksson, "Eriksson", "Anna Maria"));
    }

    [Fact]
    public void A_different_given_name_does_not_match()
    {
        Assert.Equal(NameMatch.Mismatch, NameMatcher.Compare(Eriksson, "Eriksson", "Anna Marie"));
    }

    [Fact]
    public void A_longer_typed_name_does_not_match_an_MRZ_that_had_room_for_it()
    {
        Assert.Equal(NameMatch.Mismatch, NameMatcher.Compare(Eriksson, "Eriksson", "Anna Maria Louise"));
    }

    [Fact]
    public void A_name_the_MRZ_truncated_matches_as_truncated()
    {
        Assert.True(VanNieuwenhuizen.IsValid, string.Join("; ", VanNieuwenhuizen.Errors));
        Assert.True(VanNieuwenhuizen.NameMayBeTruncated);
        Assert.Equal(NameMatch.Truncated, NameMatcher.Compare(VanNieuwenhuizen, "van Nieuwenhuizen", "Gerard Robbert Martinus Sebastiaan"));
    }

    [Fact]
    public void A_truncated_MRZ_still_rejects_a_different_name()
    {
        Assert.Equal(NameMatch.Mismatch, NameMatcher.Compare(VanNieuwenhuizen, "van Nieuwenhuizen", "Gerard Robert Martinus"));
    }

    [Fact]
    public void A_typed_name_with_diacritics_matches_its_transliteration()
    {
        // BSI specimen MUSTERMANN<<ERIKA (pymrtd, tech.md §1.3); "Erika Müstermann" would be MUESTERMANN under Part 3,
        // so the umlaut spelling must not match while the plain one does.
        var mrz = MrzParser.Parse(["P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<", "C11T002JM4D<<9608122F2310314<<<<<<<<<<<<<<04"], Today);

        Assert.Equal(NameMatch.Exact, NameMatcher.Compare(mrz, "Mustermann", "Érika"));
        Assert.Equal(NameMatch.Mismatch, NameMatcher.Compare(mrz, "Müstermann", "Erika"));
    }
}
