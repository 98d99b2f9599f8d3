namespace PassengerGate.Domain.Documents;

/// <summary>
/// Compares a name a passenger or officer typed with the name in the MRZ: the typed name is transliterated as
/// Doc 9303 Part 3 prescribes, then compared; when the MRZ name field is full, a name the MRZ truncated
/// (Part 3 §4.6: characters cut from the end, or names shortened to initials) still matches.
/// </summary>
public static class NameMatcher
{
    public static NameMatch Compare(MrzResult mrz, string surname, string givenNames)
    {
        ArgumentNullException.ThrowIfNull(mrz);
        ArgumentNullException.ThrowIfNull(surname);
        ArgumentNullException.ThrowIfNull(givenNames);
        var printed = MrzTransliterator.ToMrzName(mrz.Surname, mrz.GivenNames);
        var typed = MrzTransliterator.ToMrzName(surname, givenNames);
        if (string.Equals(printed, typed, StringComparison.Ordinal))
        {
            return NameMatch.Exact;
        }

        if (!mrz.NameMayBeTruncated)
        {
            return NameMatch.Mismatch;
        }

        if (typed.StartsWith(printed, StringComparison.Ordinal))
        {
            return NameMatch.Truncated;
        }

        return WordsArePrefixes(MrzTransliterator.Transliterate(mrz.Surname), MrzTransliterator.Transliterate(surname))
            && WordsArePrefixes(MrzTransliterator.Transliterate(mrz.GivenNames), MrzTransliterator.Transliterate(givenNames))
            ? NameMatch.Truncated
            : NameMatch.Mismatch;
    }

    /// <summary>Each printed word starts the typed word in the same place; trailing typed words may have been dropped.</summary>
    private static bool WordsArePrefixes(string printed, string typed)
    {
        if (printed.Length == 0)
        {
            return typed.Length == 0;
        }

        var printedWords = printed.Split('<');
        var typedWords = typed.Split('<');
        if (printedWords.Length > typedWords.Length)
        {
            return false;
        }

        for (var i = 0; i < printedWords.Length; i++)
        {
            if (!typedWords[i].StartsWith(printedWords[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
