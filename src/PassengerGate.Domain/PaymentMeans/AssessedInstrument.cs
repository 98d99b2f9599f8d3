using PassengerGate.Domain.Currency;

namespace PassengerGate.Domain.PaymentMeans;

/// <summary>
/// How one instrument was counted: the amount taken from it (<see cref="Counted"/>, after the securities
/// valuation) and its value in the reporting currency; null values when the rule pack does not count it in
/// the money total.
/// </summary>
public sealed record AssessedInstrument
{
    public required string Path { get; init; }

    public required InstrumentKind Kind { get; init; }

    public Money? Counted { get; init; }

    public decimal? ReportingValue { get; init; }

    public ExchangeRate? Rate { get; init; }
}
