using System.Text;

namespace PassengerGate.Icao.Bac;

/// <summary>
/// The MRZ_information that seeds BAC and PACE-with-MRZ keys (Doc 9303-11 §9.7.2.1 / App. D.2):
/// document number padded with '&lt;' to at least 9 characters + its check digit, date of birth (YYMMDD) + check digit,
/// date of expiry (YYMMDD) + check digit.
/// </summary>
public static class MrzInformation
{
    public static string Compose(string documentNumber, string dateOfBirth, string dateOfExpiry)
    {
        ArgumentNullException.ThrowIfNull(documentNumber);
        var number = documentNumber.ToUpperInvariant().PadRight(9, '<');
        if (!IsMrzText(number) || !IsDigits(dateOfBirth, 6) || !IsDigits(dateOfExpiry, 6))
        {
            throw new FormatException("The document number must use A-Z, 0-9 and '<'; the dates must be YYMMDD.");
        }

        return $"{number}{CheckDigit(number)}{dateOfBirth}{CheckDigit(dateOfBirth)}{dateOfExpiry}{CheckDigit(dateOfExpiry)}";
    }

    /// <summary>Checks the shape and the three check digits of an MRZ_information string (24 characters for a 9-character number).</summary>
    public static bool IsValid(string mrzInformation)
    {
        if (mrzInformation is null || mrzInformation.Length < 24 || !IsMrzText(mrzInformation))
        {
            return false;
        }

        var numberLength = mrzInformation.Length - 15;
        var number = mrzInformation[..numberLength];
        var dob = mrzInformation.Substring(numberLength + 1, 6);
        var doe = mrzInformation.Substring(numberLength + 8, 6);
        return IsDigits(dob, 6) && IsDigits(doe, 6)
            && mrzInformation[numberLength] == CheckDigit(number)
            && mrzInformation[numberLength + 7] == CheckDigit(dob)
            && mrzInformation[numberLength + 14] == CheckDigit(doe);
    }

    /// <summary>Doc 9303-3 §4.9: weights 7-3-1, digits as themselves, A-Z = 10..35, '&lt;' = 0, sum mod 10.</summary>
    public static char CheckDigit(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int[] weights = [7, 3, 1];
        var sum = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var value = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'Z' => c - 'A' + 10,
                '<' => 0,
                _ => throw new FormatException($"'{c}' is not an MRZ character."),
            };
            sum += value * weights[i % 3];
        }

        return (char)('0' + (sum % 10));
    }

    public static byte[] ToBytes(string mrzInformation) => Encoding.ASCII.GetBytes(mrzInformation);

    private static bool IsMrzText(string text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'A' and <= 'Z') or '<'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(string? text, int length)
    {
        if (text is null || text.Length != length)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
