using System.Globalization;
using System.Text;

namespace PassengerGate.Domain.Documents;

/// <summary>
/// Writes a name the way Doc 9303 Part 3 §6 puts it in an MRZ, for Latin-script names: the table of
/// Arg0s1080/mrz latin_based.py (which cites 9303_p3), via tech.md §1.5.
/// </summary>
public static class MrzTransliterator
{
    /// <summary>
    /// Ä→AE, Å→AA, Æ→AE, Ö/Ø/Œ→OE, Ü→UE, ß→SS, Þ→TH, Ĳ→IJ, letters with other diacritics → the base letter,
    /// apostrophes dropped, spaces and hyphens → '&lt;'. Other punctuation is dropped, and runs of separators
    /// collapse to one '&lt;' so that "&lt;&lt;" keeps meaning "between surname and given names".
    /// </summary>
    public static string Transliterate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var output = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            var special = Special(c);
            if (special is not null)
            {
                output.Append(special);
            }
            else if (c is ' ' or '-' or '<' or '\u2010' or '\u2011' or '\u2013')
            {
                if (output.Length > 0 && output[^1] != '<')
                {
                    output.Append('<');
                }
            }
            else if (char.IsAsciiLetter(c))
            {
                output.Append(char.ToUpperInvariant(c));
            }
            else
            {
                var baseLetter = BaseLetter(c);
                if (baseLetter != '\0')
                {
                    output.Append(baseLetter);
                }
            }
        }

        while (output.Length > 0 && output[^1] == '<')
        {
            output.Length--;
        }

        return output.ToString();
    }

    /// <summary>The MRZ name field content for a primary and a secondary identifier, without padding.</summary>
    public static string ToMrzName(string surname, string givenNames)
    {
        var primary = Transliterate(surname);
        var secondary = Transliterate(givenNames);
        return secondary.Length == 0 ? primary : string.Concat(primary, "<<", secondary);
    }

    private static string? Special(char c) => char.ToUpperInvariant(c) switch
    {
        'Ä' or 'Æ' => "AE",
        'Å' => "AA",
        'Ö' or 'Ø' or 'Œ' => "OE",
        'Ü' => "UE",
        'Þ' => "TH",
        'Ĳ' => "IJ",
        'Ð' or 'Đ' => "D",
        'Ħ' => "H",
        'Ł' or 'Ŀ' => "L",
        'Ŧ' => "T",
        'Ŋ' => "N",
        _ when c is 'ß' or 'ẞ' => "SS",
        _ when c is 'ı' => "I",
        _ => null,
    };

    /// <summary>The ASCII letter under a decomposable diacritic (Ñ→N, É→E), or '\0' for anything else,
    /// which includes apostrophes: Doc 9303 Part 3 omits them (O'NEILL → ONEILL).</summary>
    private static char BaseLetter(char c)
    {
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 0 && char.IsAsciiLetter(decomposed[0]) ? char.ToUpperInvariant(decomposed[0]) : '\0';
    }
}
