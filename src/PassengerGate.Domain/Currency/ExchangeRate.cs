namespace PassengerGate.Domain.Currency;

/// <summary>
/// One customs weekly rate: yen per unit of <see cref="Currency"/> from <see cref="ValidFrom"/> to
/// <see cref="ValidTo"/> inclusive (DOMAIN.md §2 "Conversion": the average market rate of the week two
/// weeks earlier, published weekly; never a live rate).
/// </summary>
public sealed record ExchangeRate(CurrencyCode Currency, DateOnly ValidFrom, DateOnly ValidTo, decimal YenPerUnit, string Source)
{
    public bool Covers(DateOnly date) => date >= ValidFrom && date <= ValidTo;
}
