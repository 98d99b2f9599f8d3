using System.Globalization;

namespace PassengerGate.Domain.Currency;

/// <summary>An amount in one currency. Decimal, never double (CONVENTIONS.md "Money").</summary>
public readonly record struct Money(decimal Amount, CurrencyCode Currency)
{
    public static Money Yen(decimal amount) => new(amount, CurrencyCode.Jpy);

    public Money Plus(Money other)
    {
        if (other.Currency != Currency)
        {
            throw new ArgumentException($"cannot add {other.Currency} to {Currency}", nameof(other));
        }

        return this with { Amount = Amount + other.Amount };
    }

    public override string ToString() => $"{Amount.ToString(CultureInfo.InvariantCulture)} {Currency}";
}
