using System.Text;
using PassengerGate.Domain.Documents;

namespace PassengerGate.Domain.Risk;

/// <summary>
/// Finds the watchlist and lost/stolen entries in force that match a traveller: on the document number
/// exactly (after <see cref="DocumentNumber.Normalise"/>), and on name plus date of birth with the tolerance a
/// printed MRZ needs:
/// <list type="bullet">
/// <item>both names go through <see cref="MrzTransliterator.ToMrzName"/> (Doc 9303 Part 3 §6, tech.md §1.5), so a list
/// that writes "Müller" meets an MRZ that prints MUELLER;</item>
/// <item>the digraphs AE, OE, UE and AA then fold to one letter, because issuers before and outside the Part 3 table
/// print the bare base letter (MULLER), and a list compiled from such a passport writes it that way too;</item>
/// <item>given names compare in any order (lists and passports order them differently);</item>
/// <item>when the MRZ name field is full, a name the MRZ cut short still matches (Part 3 §4.6).</item>
/// </list>
/// The folding accepts some different names as equal (MICHAEL and MICHAL); a name match also needs the exact
/// date of birth, and a hit sends the traveller to an officer who compares the person, never to a refusal.
/// </summary>
public static class WatchlistMatcher
{
    public static IReadOnlyList<WatchlistMatch> Match(TravellerIdentity traveller, IEnumerable<WatchlistEntry> entries, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(traveller);
        ArgumentNullException.ThrowIfNull(entries);
        var number = DocumentNumber.Normalise(traveller.DocumentNumber);
        var matches = new List<WatchlistMatch>();
        foreach (var entry in entries)
        {
            if (!entry.IsInForce(asOf))
            {
                continue;
            }

            if (entry.IsDocumentEntry && number.Length > 0
                && string.Equals(DocumentNumber.Normalise(entry.DocumentNumber), number, StringComparison.Ordinal)
                && (entry.IssuingState.Length == 0
                    || string.Equals(IcaoCountry.ToAlpha3(entry.IssuingState), IcaoCountry.ToAlpha3(traveller.IssuingState), StringComparison.Ordinal)))
            {
                matches.Add(new WatchlistMatch(entry, WatchlistMatchKind.DocumentNumber));
            }
            else if (entry.IsPersonEntry && traveller.DateOfBirth == entry.DateOfBirth
                && NamesMatch(entry.Surname, entry.GivenNames, traveller.Surname, traveller.GivenNames, traveller.NameMayBeTruncated))
            {
                matches.Add(new WatchlistMatch(entry, WatchlistMatchKind.NameAndDateOfBirth));
            }
        }

        return matches;
    }

    /// <summary>
    /// True when a listed name and a printed name are one name under the rules above. Given names missing from the
    /// list match any given names (lists often hold only a surname and a date of birth).
    /// </summary>
    public static bool NamesMatch(string listedSurname, string listedGivenNames, string printedSurname, string printedGivenNames, bool printedMayBeTruncated)
    {
        ArgumentNullException.ThrowIfNull(listedSurname);
        ArgumentNullException.ThrowIfNull(listedGivenNames);
        ArgumentNullException.ThrowIfNull(printedSurname);
        ArgumentNullException.ThrowIfNull(printedGivenNames);
        var listedSur = Words(listedSurname);
        var listedGiven = Words(listedGivenNames);
        var printedSur = Words(printedSurname);
        var printedGiven = Words(printedGivenNames);
        if (listedSur.Length == 0)
        {
            return false;
        }

        var surnameEqual = listedSur.SequenceEqual(printedSur, StringComparer.Ordinal);
        var givenEqual = listedGiven.Length == 0
            || listedGiven.Order(StringComparer.Ordinal).SequenceEqual(printedGiven.Order(StringComparer.Ordinal), StringComparer.Ordinal);
        if (surnameEqual && givenEqual)
        {
            return true;
        }

        return printedMayBeTruncated && IsTruncationOf(printedSur, printedGiven, listedSur, listedGiven);
    }

    /// <summary>
    /// Part 3 §4.6 cuts the name field at its end: the printed words are the listed words in order, the last
    /// printed one possibly shortened, later ones dropped; names may also be cut to initials.
    /// </summary>
    private static bool IsTruncationOf(string[] printedSur, string[] printedGiven, string[] listedSur, string[] listedGiven)
    {
        if (!WordsArePrefixes(printedSur, listedSur))
        {
            return false;
        }

        // The whole surname is printed before any given name can be, so given names only count once it is complete.
        if (printedGiven.Length > 0 && !printedSur.SequenceEqual(listedSur, StringComparer.Ordinal))
        {
            return false;
        }

        return listedGiven.Length == 0 || WordsArePrefixes(printedGiven, listedGiven);
    }

    private static bool WordsArePrefixes(string[] printed, string[] listed)
    {
        if (printed.Length > listed.Length)
        {
            return false;
        }

        for (var i = 0; i < printed.Length; i++)
        {
            if (!listed[i].StartsWith(printed[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The words of a name in MRZ form with the digraphs folded (MÜLLER, MUELLER, MULLER → MULLER).</summary>
    private static string[] Words(string name) =>
        MrzTransliterator.Transliterate(name).Split('<', StringSplitOptions.RemoveEmptyEntries).Select(Fold).ToArray();

    private static string Fold(string word)
    {
        var output = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            output.Append(c);
            if (i + 1 < word.Length && ((c is 'A' or 'O' or 'U' && word[i + 1] == 'E') || (c == 'A' && word[i + 1] == 'A')))
            {
                i++;
            }
        }

        return output.ToString();
    }
}
