using PassengerGate.Domain.Currency;

namespace PassengerGate.Domain.Arrival;

/// <summary>
/// One declared goods line as assessed: how much of it the allowance covers, what is dutiable, the
/// rate, the duty in whole yen, and a sentence saying why.
/// </summary>
public sealed record AssessedLine
{
    /// <summary>Where the line is in the declaration JSON, e.g. "$.goods.otherGoods[1]".</summary>
    public required string Path { get; init; }

    public required GoodsCategory Category { get; init; }

    public required string Description { get; init; }

    /// <summary>bottle, cigarette, cigar, pack, g, ml, article or set.</summary>
    public required string Unit { get; init; }

    public required decimal Quantity { get; init; }

    public decimal FreeQuantity { get; init; }

    public decimal DutiableQuantity { get; init; }

    /// <summary>Overseas retail value of the whole line in yen (other goods only).</summary>
    public decimal? OverseasValueYen { get; init; }

    public ExchangeRate? ExchangeRate { get; init; }

    /// <summary>Overseas value the ¥200,000 allowance covers on this line (other goods only).</summary>
    public decimal AllowanceUsedYen { get; init; }

    /// <summary>Overseas value of the dutiable part (other goods only).</summary>
    public decimal? DutiableValueYen { get; init; }

    /// <summary>Customs value the percentage rate applies to: dutiable value × the customs value factor.</summary>
    public decimal? CustomsValueYen { get; init; }

    /// <summary>The simplified rate applied, in words, with the table's id.</summary>
    public string? RateApplied { get; init; }

    public Money Duty { get; init; } = Money.Yen(0m);

    public required LineOutcome Outcome { get; init; }

    public required string Reason { get; init; }
}
