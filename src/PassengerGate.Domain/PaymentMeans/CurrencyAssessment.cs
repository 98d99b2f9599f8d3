using PassengerGate.Domain.Currency;

namespace PassengerGate.Domain.PaymentMeans;

/// <summary>
/// The outcome of applying one rule pack to one declaration: whether a declaration is required (or, for
/// transport the jurisdiction only asks about, a disclosure on request), the total against the threshold
/// that applied, every weekly rate used with its week, and the reasons.
/// </summary>
public sealed record CurrencyAssessment
{
    public required Jurisdiction Jurisdiction { get; init; }

    public required string RulePackId { get; init; }

    public required DateOnly AsOf { get; init; }

    public required bool DeclarationRequired { get; init; }

    public required bool DisclosureOnRequest { get; init; }

    public required CurrencyCode ReportingCurrency { get; init; }

    public required decimal Total { get; init; }

    /// <summary>The threshold that applied: the pack's, or a destination rule's (North Korea).</summary>
    public required Threshold Threshold { get; init; }

    /// <summary>Total weight of the precious metal a weight rule covers (grams), 0 when none.</summary>
    public decimal PreciousMetalGrams { get; init; }

    public required IReadOnlyList<ExchangeRate> RatesUsed { get; init; }

    public required IReadOnlyList<AssessedInstrument> Instruments { get; init; }

    public required IReadOnlyList<CurrencyReason> Reasons { get; init; }

    /// <summary>True when the amount is over the threshold whatever the transport (declaration or disclosure).</summary>
    public bool OverThreshold => DeclarationRequired || DisclosureOnRequest;
}
