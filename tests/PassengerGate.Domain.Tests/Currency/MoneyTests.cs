using PassengerGate.Domain.Currency;

namespace PassengerGate.Domain.Tests.Currency;

public class MoneyTests
{
    [Theory]
    [InlineData("JPY", true)]
    [InlineData("USD", true)]
    [InlineData("usd", false)]
    [InlineData("US", false)]
    [InlineData("USDX", false)]
    [InlineData("", false)]
    public void Currency_codes_are_three_capital_letters_as_in_iso_4217(string text, bool valid)
    {
        Assert.Equal(valid, CurrencyCode.TryParse(text, out _));
    }

    [Fact]
    public void Amounts_in_different_currencies_do_not_add()
    {
        Assert.Throws<ArgumentException>(() => Money.Yen(1m).Plus(new Money(1m, CurrencyCode.Parse("USD"))));
        Assert.Equal(Money.Yen(3m), Money.Yen(1m).Plus(Money.Yen(2m)));
    }
}
