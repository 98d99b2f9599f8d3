using System.Text.RegularExpressions;

namespace PassengerGate.Domain.Risk;

/// <summary>
/// Flight designators as airlines and manifests write them (IATA Resolution 722 / SSIM: a 2-character
/// airline designator or a 3-letter ICAO one, 1–4 digits, an optional suffix letter). Manifests and
/// declarations disagree on spacing and zero padding ("NH 0110" vs "NH110"), so both are brought to one form.
/// </summary>
public static partial class FlightNumber
{
    /// <summary>The canonical form ("NH110"), or null when the text is not a flight designator.</summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var compact = text.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        var match = Designator().Match(compact);
        return match.Success ? string.Concat(match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value) : null;
    }

    [GeneratedRegex("^([A-Z]{3}|[A-Z][A-Z0-9]|[0-9][A-Z])0*([0-9]{1,4})([A-Z]?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Designator();
}
