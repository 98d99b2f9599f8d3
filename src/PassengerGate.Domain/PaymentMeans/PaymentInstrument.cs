using PassengerGate.Domain.Currency;

namespace PassengerGate.Domain.PaymentMeans;

/// <summary>One line of a currency declaration. Amounts are decimals in major units of an ISO 4217 currency.</summary>
public abstract record PaymentInstrument
{
    public abstract InstrumentKind Kind { get; }
}

/// <summary>Banknotes and coins of one currency, optionally broken down by denomination.</summary>
public sealed record CashInstrument(Money Amount) : PaymentInstrument
{
    public override InstrumentKind Kind => InstrumentKind.Cash;

    public IReadOnlyList<Denomination> Denominations { get; init; } = [];
}

/// <summary>Traveller's cheques, a cheque or a promissory note, at its face amount.</summary>
public sealed record NegotiableInstrument(InstrumentKind NegotiableKind, Money Amount) : PaymentInstrument
{
    public override InstrumentKind Kind => NegotiableKind;

    public static bool IsNegotiable(InstrumentKind kind) =>
        kind is InstrumentKind.TravellersCheques or InstrumentKind.Cheque or InstrumentKind.PromissoryNote;
}

/// <summary>
/// Securities with the three values Japan Customs asks for: Customs Answer 7305 counts a stock certificate at
/// the highest of its current (market) price, book value and trade (acquisition) value. At least one is given.
/// </summary>
public sealed record SecuritiesInstrument(CurrencyCode Currency, decimal? MarketValue, decimal? BookValue, decimal? AcquisitionValue) : PaymentInstrument
{
    public override InstrumentKind Kind => InstrumentKind.Securities;
}

/// <summary>A prepaid card with its stored value; it counts only where a rule pack says so.</summary>
public sealed record PrepaidCardInstrument(Money Amount) : PaymentInstrument
{
    public override InstrumentKind Kind => InstrumentKind.PrepaidCard;
}

/// <summary>
/// Gold or another precious metal by weight and purity (Japan counts gold by weight); <see cref="Value"/> is
/// its value where a jurisdiction counts it as cash at its value (EU gold coins and bullion).
/// </summary>
public sealed record PreciousMetalInstrument(Metal Metal, MetalForm Form, decimal WeightGrams, decimal PurityPercent) : PaymentInstrument
{
    public override InstrumentKind Kind => InstrumentKind.PreciousMetal;

    public Money? Value { get; init; }
}
