using System.Globalization;
using System.Text;
using PassengerGate.Domain.Documents;

namespace PassengerGate.Hardware.Simulators.Passengers;

/// <summary>
/// Makes synthetic travellers with well-formed TD3 passports (ICAO 9303 Part 4 layout, check
/// digits computed per Part 3). A share of them get one damaged check digit, as a worn or
/// forged passport would, so the service has something to refer. Deterministic for a given seed.
/// </summary>
public sealed class SyntheticPassengers(int seed, double corruptedShare, DateOnly today)
{
    private static readonly string[] Surnames = ["ERIKSSON", "TANAKA", "NGUYEN", "MUELLER", "GARCIA", "KIM", "SMITH", "ROSSI", "DUBOIS", "SATO", "OKAFOR", "SILVA"];
    private static readonly string[] GivenNames = ["ANNA MARIA", "HIROSHI", "MINH ANH", "JONAS", "LUCIA", "JI HO", "OLIVER", "GIULIA", "CHLOE", "YUKI", "CHIDI", "PEDRO"];
    private static readonly string[] States = ["UTO", "JPN", "VNM", "D", "ESP", "KOR", "GBR", "ITA", "FRA", "NGA", "BRA", "USA"];
    private readonly Random _random = new(seed);

    public SyntheticPassenger Next()
    {
        var i = _random.Next(Surnames.Length);
        var surname = Surnames[i];
        var given = GivenNames[_random.Next(GivenNames.Length)];
        var state = States[_random.Next(States.Length)];
        var number = string.Concat(Enumerable.Range(0, 9).Select(k => k < 2 ? (char)('A' + _random.Next(26)) : (char)('0' + _random.Next(10))));
        var birth = today.AddDays(-_random.Next(18 * 365, 80 * 365));
        var expiry = today.AddDays(_random.Next(30, 9 * 365));
        var sex = _random.Next(2) == 0 ? 'F' : 'M';
        var lines = Td3(state, surname, given, number, birth, sex, expiry);
        var corrupted = _random.NextDouble() < corruptedShare;
        if (corrupted)
        {
            // Damage the document-number check digit (position 9 of line 2).
            var l2 = lines[1].ToCharArray();
            l2[9] = (char)('0' + ((l2[9] - '0' + 1 + _random.Next(8)) % 10));
            lines = [lines[0], new string(l2)];
        }

        return new SyntheticPassenger(surname, given, state, number, birth, expiry, sex, lines, corrupted);
    }

    public static string[] Td3(string state, string surname, string givenNames, string number, DateOnly birth, char sex, DateOnly expiry)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(surname);
        ArgumentNullException.ThrowIfNull(givenNames);
        ArgumentNullException.ThrowIfNull(number);
        var code = state.PadRight(3, '<');
        var name = $"{surname.Replace(' ', '<')}<<{givenNames.Replace(' ', '<')}";
        var line1 = $"P<{code}{name}".PadRight(44, '<')[..44];
        var doc = number.PadRight(9, '<');
        var dob = birth.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var doe = expiry.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var optional = new string('<', 14);
        var sb = new StringBuilder(44);
        sb.Append(doc).Append(Digit(doc)).Append(code).Append(dob).Append(Digit(dob)).Append(sex)
          .Append(doe).Append(Digit(doe)).Append(optional).Append(Digit(optional));
        var l2 = sb.ToString();
        var composite = string.Concat(l2.AsSpan(0, 10), l2.AsSpan(13, 7), l2.AsSpan(21, 22));
        return [line1, l2 + Digit(composite)];
    }

    private static char Digit(string field) => (char)('0' + CheckDigit.Compute(field));
}
