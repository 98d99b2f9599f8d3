using PassengerGate.Domain.Documents;

namespace PassengerGate.Hardware.Simulators.Chip;

/// <summary>Composes a TD3 (passport) MRZ for simulated documents, with check digits (Doc 9303-4 §4.2.2).</summary>
public static class Td3Mrz
{
    public static string Compose(string surname, string givenNames, string documentNumber, string nationality, string dateOfBirth, char sex, string dateOfExpiry, string optionalData)
    {
        ArgumentNullException.ThrowIfNull(surname);
        ArgumentNullException.ThrowIfNull(givenNames);
        ArgumentNullException.ThrowIfNull(documentNumber);
        ArgumentNullException.ThrowIfNull(optionalData);
        var name = $"{surname.Replace(' ', '<')}<<{givenNames.Replace(' ', '<')}";
        var line1 = $"P<{nationality}{name}".PadRight(44, '<')[..44];
        var number = documentNumber.PadRight(9, '<');
        var optional = optionalData.PadRight(14, '<');
        var optionalCheck = optional.Trim('<').Length == 0 ? '<' : Digit(optional);
        // Composite check digit over line 2 positions 1–10, 14–20 and 22–43 (Doc 9303-4 §4.2.2.2).
        var composite = $"{number}{Digit(number)}{dateOfBirth}{Digit(dateOfBirth)}{dateOfExpiry}{Digit(dateOfExpiry)}{optional}{optionalCheck}";
        var line2 = $"{number}{Digit(number)}{nationality}{dateOfBirth}{Digit(dateOfBirth)}{sex}{dateOfExpiry}{Digit(dateOfExpiry)}{optional}{optionalCheck}{Digit(composite)}";
        return $"{line1}\n{line2}";
    }

    private static char Digit(string field)
    {
        var digit = CheckDigit.Compute(field);
        return digit >= 0 ? (char)('0' + digit) : throw new FormatException($"'{field}' holds a character outside the MRZ alphabet.");
    }

    /// <summary>MRZ_information for BAC from TD3 line 2: number+check (0–9), birth+check (13–19), expiry+check (21–27).</summary>
    public static string MrzInformationOf(string mrz)
    {
        ArgumentNullException.ThrowIfNull(mrz);
        var line2 = mrz.Split('\n')[1].Trim();
        return line2[..10] + line2[13..20] + line2[21..28];
    }
}
