using PassengerGate.Domain.Currency;

namespace PassengerGate.Domain.Arrival;

/// <summary>
/// One line of "other goods". <see cref="UnitRetailValue"/> is the overseas retail price of ONE article
/// (or of the whole set when <see cref="IsSet"/>), in the currency it was paid in. <see cref="Kind"/>
/// groups lines into the kinds (品目) whose total ≤ ¥10,000 is left out [S1]; it defaults to the description.
/// </summary>
public sealed record OtherGoodsLine
{
    public required string Description { get; init; }

    public string? Kind { get; init; }

    public required int Quantity { get; init; }

    public required Money UnitRetailValue { get; init; }

    /// <summary>The <see cref="Quantity"/> pieces form one set sold together, valued at Quantity × UnitRetailValue.</summary>
    public bool IsSet { get; init; }

    /// <summary>Clearly for a child under 6: only such items get an allowance for that child [S1].</summary>
    public bool ForChild { get; init; }

    public SimplifiedExclusion? Exclusion { get; init; }
}
