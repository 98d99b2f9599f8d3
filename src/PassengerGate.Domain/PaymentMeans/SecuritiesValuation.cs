namespace PassengerGate.Domain.PaymentMeans;

/// <summary>Which of a security's values counts.</summary>
public enum SecuritiesValuation
{
    /// <summary>Japan Customs Answer 7305: the highest of current price, book value and trade value.</summary>
    HighestOfMarketBookAcquisition,

    /// <summary>The market value (the highest given when it is missing, so a gap never lowers the total).</summary>
    MarketValue,
}
