namespace PassengerGate.Domain.Currency;

/// <summary>An ISO 4217 alphabetic code (three capital letters, e.g. JPY, USD).</summary>
public readonly record struct CurrencyCode
{
    private readonly string? value;

    private CurrencyCode(string value) => this.value = value;

    public static CurrencyCode Jpy { get; } = new("JPY");

    public string Value => value ?? "";

    public static bool TryParse(string? text, out CurrencyCode code)
    {
        code = default;
        if (text is not { Length: 3 } || !text.All(c => c is >= 'A' and <= 'Z'))
        {
            return false;
        }

        code = new CurrencyCode(text);
        return true;
    }

    public static CurrencyCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not an ISO 4217 code (three capital letters)");

    public override string ToString() => Value;
}
