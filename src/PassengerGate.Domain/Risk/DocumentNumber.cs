namespace PassengerGate.Domain.Risk;

/// <summary>
/// Travel document numbers compared the way they are printed in an MRZ (Doc 9303 Part 3 §4.2: A–Z and 0–9,
/// '&lt;' as filler): upper case, fillers, spaces and hyphens removed, so "c01x 00t47", "C01X00T47&lt;&lt;"
/// and "C01X00T47" are one document.
/// </summary>
public static class DocumentNumber
{
    public static string Normalise(string? number)
    {
        if (string.IsNullOrEmpty(number))
        {
            return "";
        }

        var output = new System.Text.StringBuilder(number.Length);
        foreach (var c in number)
        {
            if (c is '<' or ' ' or '-' or '\t')
            {
                continue;
            }

            output.Append(char.ToUpperInvariant(c));
        }

        return output.ToString();
    }

    /// <summary>True when the normalised number is 1 to 20 characters of A–Z and 0–9 (TD1's long numbers run past 9).</summary>
    public static bool IsWellFormed(string normalised) =>
        normalised.Length is > 0 and <= 20 && normalised.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
}
