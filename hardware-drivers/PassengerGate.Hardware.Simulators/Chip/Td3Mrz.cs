using PassengerGate.Icao.Bac;

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
        var optionalCheck = optional.Trim('<').Length == 0 ? '<' : MrzInformation.CheckDigit(optional);
        // Composite check digit over line 2 positions 1–10, 14–20 and 22–43 (Doc 9303-4 §4.2.2.2).
        var composite = $"{number}{MrzInformation.CheckDigit(number)}{dateOfBirth}{MrzInformation.CheckDigit(dateOfBirth)}{dateOfExpiry}{MrzInformation.CheckDigit(dateOfExpiry)}{optional}{optionalCheck}";
        var line2 = $"{number}{MrzInformation.CheckDigit(number)}{nationality}{dateOfBirth}{MrzInformation.CheckDigit(dateOfBirth)}{sex}{dateOfExpiry}{MrzInformation.CheckDigit(dateOfExpiry)}{optional}{optionalCheck}{MrzInformation.CheckDigit(composite)}";
        return $"{line1}\n{line2}";
    }

    /// <summary>MRZ_information for BAC from TD3 line 2: number+check (0–9), birth+check (13–19), expiry+check (21–27).</summary>
    public static string MrzInformationOf(string mrz)
    {
        ArgumentNullException.ThrowIfNull(mrz);
        var line2 = mrz.Split('\n')[1].Trim();
        return line2[..10] + line2[13..20] + line2[21..28];
    }
}
