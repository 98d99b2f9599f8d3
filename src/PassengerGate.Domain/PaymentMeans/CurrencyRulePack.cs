using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Currency;

namespace PassengerGate.Domain.PaymentMeans;

/// <summary>
/// One jurisdiction's currency-declaration rules in force over a period, as sourced data
/// (Data/currency-rule-packs.json; docs/currency-rules.md): the threshold with its operator, what counts,
/// how securities and precious metals count, lower thresholds for some destinations, and what each
/// transport requires.
/// </summary>
public sealed record CurrencyRulePack : DatedRule
{
    public required Jurisdiction Jurisdiction { get; init; }

    /// <summary>ISO 4217 code the threshold is in, and the total is converted to.</summary>
    public required string ReportingCurrency { get; init; }

    /// <summary>Digits of the reporting currency's minor unit (ISO 4217): 0 for JPY, 2 for EUR, USD, AUD, NZD, SGD.</summary>
    public required int ReportingMinorUnits { get; init; }

    public required Threshold Threshold { get; init; }

    public required IReadOnlyList<InstrumentKind> CountedKinds { get; init; }

    public SecuritiesValuation SecuritiesValuation { get; init; } = SecuritiesValuation.MarketValue;

    public IReadOnlyList<DestinationRule> DestinationRules { get; init; } = [];

    public IReadOnlyList<PreciousMetalRule> PreciousMetalRules { get; init; } = [];

    public required IReadOnlyList<TransportRule> Transports { get; init; }

    public string? Notes { get; init; }

    public CurrencyCode Currency => CurrencyCode.Parse(ReportingCurrency);

    public TransportDuty DutyFor(CashTransport transport) =>
        Transports.FirstOrDefault(t => t.Transport == transport)?.Duty ?? TransportDuty.Declaration;
}
