namespace PassengerGate.Domain.Staff;

/// <summary>What a staff account may do. Stored and shown in lower case.</summary>
public enum StaffRole
{
    /// <summary>Handles referred arrival cases on the officer console.</summary>
    Officer,

    /// <summary>Checks currency declarations and tax-free exports; never sees the officer queue.</summary>
    Departure,

    /// <summary>Watches the floor: the officer console, kiosk commands, the audit trail.</summary>
    Supervisor,

    /// <summary>Manages staff accounts and reads the audit trail; handles no cases.</summary>
    Administrator,
}

public static class StaffRoles
{
    public static string Name(this StaffRole role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out StaffRole role)
    {
        role = default;
        return text is not null
            && Enum.GetNames<StaffRole>().Any(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase))
            && Enum.TryParse(text, ignoreCase: true, out role);
    }

    /// <summary>An IATA airport code: three capital letters.</summary>
    public static bool IsAirport(string? code) => code is { Length: 3 } && code.All(c => c is >= 'A' and <= 'Z');

    /// <summary>Account names: lower-case letters, digits, '.', '_' and '-', at most 64.</summary>
    public static bool IsUserName(string? name) =>
        name is { Length: > 0 and <= 64 } && (char.IsAsciiLetterLower(name[0]) || char.IsAsciiDigit(name[0]))
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-');
}
