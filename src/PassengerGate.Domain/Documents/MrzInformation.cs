using System.Text;

namespace PassengerGate.Domain.Documents;

/// <summary>
/// The MRZ_information string that seeds Basic Access Control keys (Doc 9303 Part 11 §4.3.2, App. D.2):
/// document number, its check digit, date of birth, its check digit, date of expiry, its check digit.
/// </summary>
public static class MrzInformation
{
    private const int ShortNumberLength = 9;

    /// <summary>
    /// A number of up to 9 characters is padded with '&lt;' to 9; a longer TD1/TD2 number is used whole, with the
    /// check digit computed over the whole number: that is what reproduces the ICAO Part 11 D.2 key seed for
    /// D23145890734 (tech.md §2.2).
    /// </summary>
    public static string Create(string documentNumber, string dateOfBirthYymmdd, string expiryDateYymmdd)
    {
        ArgumentNullException.ThrowIfNull(documentNumber);
        ArgumentNullException.ThrowIfNull(dateOfBirthYymmdd);
        ArgumentNullException.ThrowIfNull(expiryDateYymmdd);
        if (dateOfBirthYymmdd.Length != 6 || expiryDateYymmdd.Length != 6)
        {
            throw new ArgumentException("MRZ dates are six characters (YYMMDD)");
        }

        documentNumber = documentNumber.ToUpperInvariant();
        var number = documentNumber.Length < ShortNumberLength ? documentNumber.PadRight(ShortNumberLength, '<') : documentNumber;
        var numberDigit = CheckDigit.Compute(number);
        var birthDigit = CheckDigit.Compute(dateOfBirthYymmdd);
        var expiryDigit = CheckDigit.Compute(expiryDateYymmdd);
        if (numberDigit < 0 || birthDigit < 0 || expiryDigit < 0)
        {
            throw new ArgumentException("the document number and dates must use only MRZ characters (A-Z, 0-9, <)");
        }

        return string.Concat(
            number,
            Digit(numberDigit),
            dateOfBirthYymmdd,
            Digit(birthDigit),
            expiryDateYymmdd,
            Digit(expiryDigit));
    }

    /// <summary>The MRZ_information of a read MRZ; the check digits are recomputed, so read a valid MRZ first.</summary>
    public static string From(MrzResult mrz)
    {
        ArgumentNullException.ThrowIfNull(mrz);
        return Create(mrz.DocumentNumber, mrz.DateOfBirthRaw, mrz.ExpiryDateRaw);
    }

    /// <summary>
    /// Checks the shape and the three check digits of an MRZ_information string: a document number of 9 or more
    /// characters, then birth and expiry dates (YYMMDD), each followed by its check digit (24 characters for a
    /// 9-character number).
    /// </summary>
    public static bool IsValid(string? mrzInformation)
    {
        if (mrzInformation is null || mrzInformation.Length < 24)
        {
            return false;
        }

        var numberLength = mrzInformation.Length - 15;
        var number = mrzInformation.AsSpan(0, numberLength);
        var birth = mrzInformation.AsSpan(numberLength + 1, 6);
        var expiry = mrzInformation.AsSpan(numberLength + 8, 6);
        return IsDigits(birth) && IsDigits(expiry)
            && CheckDigit.Verify(number, mrzInformation[numberLength])
            && CheckDigit.Verify(birth, mrzInformation[numberLength + 7])
            && CheckDigit.Verify(expiry, mrzInformation[numberLength + 14]);
    }

    /// <summary>The bytes hashed into the BAC / PACE key seed: the MRZ characters as ASCII (Doc 9303-11 §9.7.2.1).</summary>
    public static byte[] ToBytes(string mrzInformation) => Encoding.ASCII.GetBytes(mrzInformation);

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Digit(int value) => ((char)('0' + value)).ToString();
}
