using System.Text;

namespace PassengerGate.Documents.Layout;

/// <summary>
/// Greedy line breaking for mixed Japanese and English: Latin text breaks at spaces, Japanese between any
/// two characters, except before closing punctuation (the kinsoku rule of JIS X 4051, in its simplest form).
/// </summary>
public static class TextWrapper
{
    private const string NoBreakBefore = "。、，．）」』】・ー！？：；%）,.)";

    public static IReadOnlyList<string> Wrap(string text, double width, Func<string, double> measure)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(measure);
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            WrapParagraph(paragraph, width, measure, lines);
        }

        return lines;
    }

    private static void WrapParagraph(string paragraph, double width, Func<string, double> measure, List<string> lines)
    {
        var line = new StringBuilder();
        foreach (var atom in Atoms(paragraph))
        {
            if (line.Length > 0 && measure((line.ToString() + atom).TrimEnd()) > width)
            {
                lines.Add(line.ToString().TrimEnd());
                line.Clear();
            }

            line.Append(line.Length == 0 ? atom.TrimStart() : atom);
            while (line.Length > 1 && measure(line.ToString().TrimEnd()) > width)
            {
                var fit = LongestFittingPrefix(line.ToString(), width, measure);
                lines.Add(line.ToString(0, fit));
                line.Remove(0, fit);
            }
        }

        lines.Add(line.ToString().TrimEnd());
    }

    private static int LongestFittingPrefix(string text, double width, Func<string, double> measure)
    {
        var fit = 1;
        while (fit < text.Length && measure(text[..(fit + 1)]) <= width)
        {
            fit++;
        }

        return fit;
    }

    private static IEnumerable<string> Atoms(string text)
    {
        var atom = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var breakHere = atom.Length > 0 && !NoBreakBefore.Contains(c, StringComparison.Ordinal)
                && (text[i - 1] == ' ' || IsWide(c) || IsWide(text[i - 1]));
            if (breakHere)
            {
                yield return atom.ToString();
                atom.Clear();
            }

            atom.Append(c);
        }

        if (atom.Length > 0)
        {
            yield return atom.ToString();
        }
    }

    /// <summary>CJK symbols, kana, ideographs and full-width forms: lines may break around them.</summary>
    private static bool IsWide(char c) => c is (>= '\u3000' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF00' and <= '\uFFEF');
}
