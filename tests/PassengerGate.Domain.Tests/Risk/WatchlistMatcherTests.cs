using PassengerGate.Domain.Risk;

namespace PassengerGate.Domain.Tests.Risk;

public class WatchlistMatcherTests
{
    private static readonly DateOnly Birth = new(1964, 8, 12);

    // tech.md §1.5 (Doc 9303 Part 3 via Arg0s1080/mrz latin_based.py): Ü→UE, so a Part 3 passport prints MÜLLER as MUELLER;
    // issuers that drop diacritics print MULLER. A list may write either, or the name with its umlaut.
    [Theory]
    [InlineData("Müller", "MUELLER")]
    [InlineData("Müller", "MULLER")]
    [InlineData("MUELLER", "MULLER")]
    [InlineData("MULLER", "MUELLER")]
    [InlineData("mueller", "MUELLER")]
    public void Mueller_Muller_and_Müller_are_one_name_on_a_watchlist(string listed, string printed)
    {
        var entry = Travellers.Person(listed, "Hans", Birth);
        var matches = WatchlistMatcher.Match(Travellers.Mrz(printed, "HANS", Birth), [entry], Travellers.Today);

        var match = Assert.Single(matches);
        Assert.Equal(WatchlistMatchKind.NameAndDateOfBirth, match.MatchedOn);
    }

    [Fact]
    public void Ä_matches_AE_and_A_and_Ø_matches_OE()
    {
        // tech.md §1.5: Ä→AE, Ø→OE; other issuers print the base letter.
        Assert.True(WatchlistMatcher.NamesMatch("Jäger", "Søren", "JAEGER", "SOEREN", false));
        Assert.True(WatchlistMatcher.NamesMatch("Jäger", "Søren", "JAGER", "SOREN", false));
        Assert.False(WatchlistMatcher.NamesMatch("Jäger", "Søren", "JAGGER", "SOREN", false));
    }

    [Fact]
    public void Given_names_match_in_any_order()
    {
        // Doc 9303 Part 4 App. B specimen ERIKSSON<<ANNA<MARIA (tech.md §1.3); a list that writes "Maria Anna".
        var entry = Travellers.Person("Eriksson", "Maria Anna", new DateOnly(1974, 8, 12));
        var printed = Travellers.Mrz("ERIKSSON", "ANNA<MARIA", new DateOnly(1974, 8, 12), state: "UTO", nationality: "UTO");

        Assert.Single(WatchlistMatcher.Match(printed, [entry], Travellers.Today));
    }

    [Fact]
    public void A_name_the_MRZ_truncated_still_matches_the_full_listed_name()
    {
        // JMRTD MRZInfoTest: P<NLDVAN<NIEUWENHUIZEN<<GERARD<ROBBERT<MARTI for Gerard Robbert Martinus Sebastiaan van
        // Nieuwenhuizen, born 711224 (the MRZ's DOB field); the name field is full (Doc 9303 Part 3 §4.6).
        var birth = new DateOnly(1971, 12, 24);
        var entry = Travellers.Person("van Nieuwenhuizen", "Gerard Robbert Martinus Sebastiaan", birth);
        var printed = Travellers.Mrz("VAN<NIEUWENHUIZEN", "GERARD<ROBBERT<MARTI", birth, state: "NLD", nationality: "NLD", truncated: true);

        Assert.Single(WatchlistMatcher.Match(printed, [entry], Travellers.Today));
    }

    [Fact]
    public void A_shorter_printed_name_does_not_match_when_the_MRZ_had_room_for_the_whole_name()
    {
        var birth = new DateOnly(1971, 12, 24);
        var entry = Travellers.Person("van Nieuwenhuizen", "Gerard Robbert Martinus Sebastiaan", birth);
        var printed = Travellers.Mrz("VAN<NIEUWENHUIZEN", "GERARD<ROBBERT<MARTI", birth, state: "NLD", nationality: "NLD", truncated: false);

        Assert.Empty(WatchlistMatcher.Match(printed, [entry], Travellers.Today));
    }

    [Fact]
    public void The_same_name_with_a_different_date_of_birth_is_not_a_match()
    {
        var entry = Travellers.Person("Müller", "Hans", Birth);
        var printed = Travellers.Mrz("MUELLER", "HANS", Birth.AddDays(1));

        Assert.Empty(WatchlistMatcher.Match(printed, [entry], Travellers.Today));
    }

    [Fact]
    public void A_different_given_name_is_not_a_match()
    {
        var entry = Travellers.Person("Müller", "Hans", Birth);

        Assert.Empty(WatchlistMatcher.Match(Travellers.Mrz("MUELLER", "HEINZ", Birth), [entry], Travellers.Today));
    }

    [Fact]
    public void A_lost_document_matches_on_its_number_whatever_the_spacing_and_fillers()
    {
        // BSI TR-03105 specimen document number C01X00T47 (tech.md §1.3), as a list might write it.
        var entry = Travellers.Document("c01x 00t47<<", "D");
        var printed = Travellers.Mrz("MUSTERMANN", "ERIKA", new DateOnly(1964, 8, 12), number: "C01X00T47", state: "DEU");

        var match = Assert.Single(WatchlistMatcher.Match(printed, [entry], Travellers.Today));
        Assert.Equal(WatchlistMatchKind.DocumentNumber, match.MatchedOn);
    }

    [Fact]
    public void A_document_entry_for_another_issuing_state_does_not_match()
    {
        var entry = Travellers.Document("C01X00T47", "AUT");
        var printed = Travellers.Mrz("MUSTERMANN", "ERIKA", new DateOnly(1964, 8, 12), number: "C01X00T47", state: "DEU");

        Assert.Empty(WatchlistMatcher.Match(printed, [entry], Travellers.Today));
    }

    [Fact]
    public void An_entry_outside_its_dates_does_not_match()
    {
        var expired = Travellers.Document("C01X00T47") with { ValidTo = Travellers.Today.AddDays(-1) };
        var future = Travellers.Document("C01X00T47") with { ValidFrom = Travellers.Today.AddDays(1) };
        var printed = Travellers.Mrz("MUSTERMANN", "ERIKA", new DateOnly(1964, 8, 12));

        Assert.Empty(WatchlistMatcher.Match(printed, [expired, future], Travellers.Today));
        Assert.Single(WatchlistMatcher.Match(printed, [expired with { ValidTo = Travellers.Today }], Travellers.Today));
    }
}
